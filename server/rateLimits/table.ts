/**
 * How much of each kind of request one account, one client address and one Socket.IO connection
 * may send, sized for a real class: a student posting every few seconds is never refused, and a
 * whole school behind one address gets several classes' worth, so one flooding account does not
 * lock out its classmates (the address counts only what the account was allowed).
 */
export const limitTable = {
  posts: {
    what: "posts and edits",
    perAccount: 10,
    perAddress: 400,
    windowSeconds: 20,
    env: "MOOT_RATE_LIMIT_POSTS",
  },
  votes: {
    what: "votes and ratings",
    perAccount: 20,
    perAddress: 800,
    windowSeconds: 20,
    env: "MOOT_RATE_LIMIT_VOTES",
  },
  joins: {
    what: "motion and space joins",
    perAccount: 30,
    perAddress: 1200,
    windowSeconds: 60,
    env: "MOOT_RATE_LIMIT_JOINS",
  },
  // No account yet: a school's classes arriving by one code in the same quarter of an hour. Only
  // joins that succeed count here; failed tries have a short limit of their own (failedAttempts).
  guestJoins: {
    what: "guest joins",
    perAccount: null,
    perAddress: 200,
    windowSeconds: 15 * 60,
    env: "MOOT_RATE_LIMIT_GUEST_JOINS",
  },
  // Only accounts made count; failed tries have a short limit of their own (failedAttempts).
  signUps: {
    what: "sign-ups",
    perAccount: null,
    perAddress: 150,
    windowSeconds: 60 * 60,
    env: "MOOT_RATE_LIMIT_SIGN_UPS",
  },
  // Counted per email asked about (perAccount) and per address: a few tries for one forgetful
  // student, and a class that all forgot on the same morning. Using a link counts per address.
  passwordResets: {
    what: "password reset requests",
    // Its own count is the email's, whoever asks.
    whose: "for this email",
    perAccount: 5,
    perAddress: 100,
    windowSeconds: 60 * 60,
    env: "MOOT_RATE_LIMIT_PASSWORD_RESETS",
  },
  searches: {
    what: "searches",
    perAccount: 30,
    perAddress: 1200,
    windowSeconds: 60,
    env: "MOOT_RATE_LIMIT_SEARCHES",
  },
  // Each one renames the member in every motion they argued in: a few tries of one name, and a
  // class choosing theirs in one lesson.
  names: {
    what: "name changes",
    perAccount: 10,
    perAddress: 400,
    windowSeconds: 60 * 60,
    env: "MOOT_RATE_LIMIT_NAMES",
  },
  // Owners and moderators only, and each one heavy: a few teachers' worth per address.
  uploads: {
    what: "uploads and imports",
    perAccount: 30,
    perAddress: 300,
    windowSeconds: 10 * 60,
    env: "MOOT_RATE_LIMIT_UPLOADS",
  },
  exports: {
    what: "exports",
    perAccount: 20,
    perAddress: 200,
    windowSeconds: 10 * 60,
    env: "MOOT_RATE_LIMIT_EXPORTS",
  },
  // Each a write: the page marks what was read as arguments arrive, and a member follows motions.
  marks: {
    what: "read marks and follows",
    perAccount: 120,
    perAddress: 4800,
    windowSeconds: 60,
    env: "MOOT_RATE_LIMIT_MARKS",
  },
  // A teacher setting up a term's spaces and motions in one sitting, a motion per reading.
  creations: {
    what: "new spaces and motions",
    perAccount: 100,
    perAddress: 1000,
    windowSeconds: 10 * 60,
    env: "MOOT_RATE_LIMIT_CREATIONS",
  },
  // A moderator working through a queue, running a session or withdrawing their own arguments.
  moderation: {
    what: "moderation and session commands",
    perAccount: 60,
    perAddress: 2400,
    windowSeconds: 60,
    env: "MOOT_RATE_LIMIT_MODERATION",
  },
} as const;

export type LimitFamily = keyof typeof limitTable;

/**
 * The families that count, per address, only what succeeded: junk tries must not lock a school
 * out for the whole window. Their failed tries count apart, against failedAttempts.
 */
export const attemptFamilies: ReadonlySet<LimitFamily> = new Set(["signUps", "guestJoins"]);

/** Failed sign-ups or guest joins from one address: past this, it waits out a short window. */
export const failedAttempts = {
  what: "failed tries",
  perAddress: 30,
  windowSeconds: 60,
} as const;

/** Any event on one Socket.IO connection, whatever it is: a person never sends this many. */
export const connectionBudget = {
  what: "events on one connection",
  perConnection: 20,
  windowSeconds: 1,
  env: "MOOT_RATE_LIMIT_EVENTS",
} as const;

/**
 * Every Socket.IO event of one account (a visitor: one address) over all its connections to one
 * node: a person with a few tabs open never sends this many, and fifty sockets of one account
 * cannot send fifty budgets' worth into a node.
 */
export const accountEventBudget = {
  what: "events from one account",
  perAccount: 40,
  windowSeconds: 1,
  env: "MOOT_RATE_LIMIT_ACCOUNT_EVENTS",
} as const;

export const factorEnv = "MOOT_RATE_LIMIT_FACTOR";

/** What the environment says: a factor on every limit, and a count for some families. */
export interface RateLimitSettings {
  /** 1: the table; 10: ten times as much; 0: no limits at all. */
  factor: number;
  /**
   * A family's own count: per account where it has one (its per-address count keeps its
   * proportion), else per address; `events` is the per-connection budget and `accountEvents`
   * the budget of all of an account's connections to one node together.
   */
  counts: Partial<Record<LimitFamily | "events" | "accountEvents", number>>;
}

export const defaultRateLimitSettings: RateLimitSettings = { factor: 1, counts: {} };

export interface Limit {
  perAccount: number | null;
  perAddress: number;
  windowSeconds: number;
}

export interface EffectiveLimits {
  families: Record<LimitFamily, Limit>;
  perConnection: { points: number; windowSeconds: number };
  perAccountEvents: { points: number; windowSeconds: number };
  failedAttempts: { perAddress: number; windowSeconds: number };
}

const families = Object.keys(limitTable) as LimitFamily[];

/** The limits in force, or null when the factor turns limiting off. */
export function effectiveLimits({ factor, counts }: RateLimitSettings): EffectiveLimits | null {
  if (factor === 0) return null;
  const scale = (count: number, by: number) => Math.max(1, Math.round(count * by * factor));
  const entries = families.map((family): [LimitFamily, Limit] => {
    const { perAccount, perAddress, windowSeconds } = limitTable[family];
    const own = counts[family];
    const by = own === undefined ? 1 : own / (perAccount ?? perAddress);
    return [
      family,
      {
        perAccount: perAccount === null ? null : scale(perAccount, by),
        perAddress: scale(perAddress, by),
        windowSeconds,
      },
    ];
  });
  return {
    families: Object.fromEntries(entries) as Record<LimitFamily, Limit>,
    perConnection: {
      points: scale(counts.events ?? connectionBudget.perConnection, 1),
      windowSeconds: connectionBudget.windowSeconds,
    },
    perAccountEvents: {
      points: scale(counts.accountEvents ?? accountEventBudget.perAccount, 1),
      windowSeconds: accountEventBudget.windowSeconds,
    },
    failedAttempts: {
      perAddress: scale(failedAttempts.perAddress, 1),
      windowSeconds: failedAttempts.windowSeconds,
    },
  };
}
