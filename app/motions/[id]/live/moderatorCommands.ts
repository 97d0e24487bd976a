import { newClientId } from "@/lib/clientId";
import type { ClientToServerEvents } from "@/lib/protocol";
import { callApi, problemOf } from "../../../components/api";
import type { ApprovalCommands } from "./ApprovalQueue";
import type { ModeratorActions } from "./ModeratorControls";
import type { SessionCommands } from "./SessionControls";

type Commands = Exclude<
  keyof ClientToServerEvents,
  "motion:join" | "motion:leave" | "argument:post"
>;
/** Sends one command over the live connection: null when done, else why not. */
export type Send = <E extends Commands>(
  name: E,
  payload: Parameters<ClientToServerEvents[E]>[0],
) => Promise<string | null>;

/** Mutes a member of the space, or lets them post again, over REST (the space's, not one motion's). */
const muteMember = async (spaceId: string, userId: string, muted: boolean) =>
  problemOf(
    await callApi(`/api/spaces/${spaceId}/members/${userId}`, {
      method: "PATCH",
      json: { muted },
    }),
  );

/** Everything a moderator does on the motion's page, each a command with a fresh clientId. */
export function moderatorCommands(
  send: Send,
  motion: { id: string; spaceId: string },
  state: {
    pinned: string[];
    spotlightId: string | null;
    selfId: string | null;
    muted: ReadonlySet<string>;
    /** Notes a member muted or let post again, once the space has done it. */
    markMuted: (userId: string, muted: boolean) => void;
  },
) {
  const clientId = newClientId;
  const motionId = motion.id;
  const { markMuted, ...shown } = state;
  const actions: ModeratorActions = {
    ...shown,
    onMute: async (userId, muted) => {
      const refused = await muteMember(motion.spaceId, userId, muted);
      if (!refused) markMuted(userId, muted);
      return refused;
    },
    onHide: (argumentId, reason) =>
      send("moderation:hide", { argumentId, clientId: clientId(), reason }),
    onRestore: (argumentId) => send("moderation:restore", { argumentId, clientId: clientId() }),
    onPin: (argumentId, pinned) =>
      send("argument:pin", { argumentId, clientId: clientId(), pinned }),
    onSpotlight: (argumentId) =>
      send("argument:spotlight", { motionId, clientId: clientId(), argumentId }),
  };
  const session: SessionCommands = {
    settings: (settings) => send("motion:settings", { motionId, clientId: clientId(), settings }),
    phase: (action) => send("session:phase", { motionId, clientId: clientId(), action }),
    side: (userId, side) => send("session:side", { motionId, clientId: clientId(), userId, side }),
    lock: (locked) => send("motion:lock", { motionId, clientId: clientId(), locked }),
    archive: () => send("motion:status", { motionId, clientId: clientId(), status: "archived" }),
  };
  const approvals: ApprovalCommands = {
    approve: (argumentId) => send("moderation:approve", { argumentId, clientId: clientId() }),
    reject: (argumentId, reason) =>
      send("moderation:reject", { argumentId, clientId: clientId(), reason }),
  };
  return { actions, session, approvals };
}
