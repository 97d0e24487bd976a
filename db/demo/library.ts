import { readFileSync } from "node:fs";
import type { MotionSettings } from "../../lib/debate";

/**
 * The demo library: three source documents, kept byte for byte in documents/, with what is known
 * about them, and the motions drawn from them. A source names the exact words of a passage; the
 * loader finds them in the imported text, so a quote that is not there stops the load.
 */

export interface DemoDocument {
  file: string;
  /** The file's SHA-256 as received: the load stops if the copy here was ever changed. */
  sha256: string;
  title: string;
  author: string | null;
  publisher: string | null;
  publishedAt: string | null;
  note: string;
}

export interface DemoMotion {
  key: string;
  title: string;
  description: string;
  sources: { file: string; quote: string }[];
}

export const demoSpace = { slug: "demo", name: "Demo library: Kazakhstan between the powers" };

export const demoSettings: MotionSettings = {
  evidenceRequired: true,
  approvalRequired: false,
  anonymous: false,
  format: "free",
};

export const ARTICLE = "000_9b62e35bb49519f7.txt";
export const OPINION = "001_c69fe37a05eefeb9.txt";
export const COMMENTARY = "002_7d87be07012e093f.txt";

export const demoDocuments: DemoDocument[] = [
  {
    file: ARTICLE,
    sha256: "bdff26a943fb970ffd4a45b74a1d273d3257513bdcca368d0329cc4a7ce90e55",
    title: "Kazakhstan's geopolitics and its diversified and balanced diplomacy",
    author: null,
    publisher: null,
    publishedAt: null,
    note:
      "An academic journal article, text extracted from a PDF. No title line survives; the title " +
      "here describes it. Author and journal unknown. Figure captions survive without figures, " +
      "and the text ends mid-sentence.",
  },
  {
    file: OPINION,
    sha256: "0a9cf4a8d6c1fe6cc12cbc8e3f45e63bad0fa9a921ed90a061ee8cda776a93fd",
    title: "Kazakhstan’s foreign policy balancing act: Israel and Iran",
    author: "Theodore Karasik, Ph.D., Adjunct Senior Fellow, Lexington Institute",
    publisher: "The Hill",
    publishedAt: "2017-01",
    note: "An opinion piece, written in January 2017 as Kazakhstan took its seat on the UN Security Council.",
  },
  {
    file: COMMENTARY,
    sha256: "452c8bd92c8a6fc12dd8ee6d6627fd0345c441fea8cb4c126ed2f542604ae5d3",
    title: "Kazakhstan's turn to the Abraham Accords, seen from Tehran",
    author: null,
    publisher: "PNN",
    publishedAt: "2025",
    note:
      "A news commentary written from an Iranian policy perspective in late 2025, after Kazakhstan " +
      "declared it would join the Abraham Accords. No title line survives; the title here " +
      "describes it. Author unknown.",
  },
];

export const demoMotions: DemoMotion[] = [
  {
    key: "abraham-accords",
    title: "Joining the Abraham Accords serves Kazakhstan",
    description:
      "Kazakhstan has declared it will join the Abraham Accords. Does the step advance its own " +
      "interests, or does it cost more than it brings?",
    sources: [
      {
        file: COMMENTARY,
        quote:
          "Kazakhstan’s decision to embrace the Abraham Accords is neither a symbolic gesture nor a reactionary move. It is a calculated gamble with multilayered objectives.",
      },
      {
        file: COMMENTARY,
        quote:
          "Astana seeks to break free from its traditional dependence on the gravitational pull of Moscow and Beijing.",
      },
      {
        file: COMMENTARY,
        quote:
          "this move represents nothing less than a “moral bankruptcy”—a shameful deal in which Kazakhstan auctions off its dignity to rescue a drowning regime before receiving any tangible benefit in return.",
      },
    ],
  },
  {
    key: "balanced-diplomacy",
    title: "Kazakhstan's multi-vector, “balanced” diplomacy is sustainable in the long run",
    description:
      "Kazakhstan keeps friendly ties with Russia, China and the United States at once. Can the " +
      "balance hold for decades, or does it carry the seeds of its own instability?",
    sources: [
      {
        file: ARTICLE,
        quote:
          "this balance is not an absolute balance and will bring potential instability to Kazakhstan's relations with China, the United States and Russia.",
      },
      {
        file: ARTICLE,
        quote:
          "Kazakhstan's balanced foreign policy of great powers will continue to lead Kazakhstan forward steadily for a long time.",
      },
      {
        file: OPINION,
        quote:
          "Its successful multi-vector foreign policy with China, Russia, the United States, and the European Union is well known.",
      },
    ],
  },
  {
    key: "israel-iran-broker",
    title: "Kazakhstan can be a credible broker between Israel and Iran",
    description:
      "Kazakhstan has kept working relations with both Israel and Iran. Can it mediate between " +
      "them, or has it already chosen a side?",
    sources: [
      {
        file: OPINION,
        quote:
          "Astana’s ability to maintain friendly and constructive relationships with two sworn enemies, Israel and Iran, is a diplomatic asset the U.S. should be aware of.",
      },
      {
        file: OPINION,
        quote: "Overall, Kazakhstan manages the rift between Israel and Iran well.",
      },
      {
        file: COMMENTARY,
        quote:
          "Israeli analysts such as Amit Segal immediately interpreted it not as a routine normalization, but as Kazakhstan’s formal accession to an anti-Iranian security architecture.",
      },
    ],
  },
  {
    key: "us-partnership",
    title: "The United States should deepen its partnership with Kazakhstan",
    description:
      "Kazakhstan courts Washington while living beside Russia and China. Is a closer partnership " +
      "in the interest of the United States?",
    sources: [
      {
        file: OPINION,
        quote:
          "As Kazakhstan matures diplomatically and enters the UNSC arena, it is in the US interests to further expand its cooperation with this emerging player on the global arena.",
      },
      {
        file: ARTICLE,
        quote:
          "also handle good relations with the powerful United States, and make use of the United States to open a bridge of communication with the international community.",
      },
    ],
  },
  {
    key: "iran-interdependence",
    title:
      "Iran should answer Kazakhstan's turn towards Israel with economic interdependence, not confrontation",
    description:
      "The commentary urges Tehran to bind Kazakhstan through trade, transit and energy rather " +
      "than to retaliate. Is that the wiser answer?",
    sources: [
      {
        file: COMMENTARY,
        quote:
          "Iran must avoid provocations and instead swiftly weave a dense web of mutual economic, transit, and energy dependencies with Kazakhstan",
      },
      {
        file: COMMENTARY,
        quote:
          "Experience with “aggressive” or “reactionary” responses toward states that expanded ties with Israel has shown that such approaches often endanger national interests by escalating tensions.",
      },
    ],
  },
  {
    key: "landlocked-asset",
    title:
      "Kazakhstan's land-locked position between Russia and China is more an asset than a liability",
    description:
      "Kazakhstan has no sea coast and sits between two great powers. Does its position give it " +
      "leverage, or does it hold it back?",
    sources: [
      {
        file: ARTICLE,
        quote:
          "However, the strong inland nature of Central Asia seriously restricts the communication between Central Asian countries and the outside world",
      },
      {
        file: ARTICLE,
        quote:
          "Kazakhstan, as a marginal country, not only provides opportunities for its development, but also challenges its survival.",
      },
      {
        file: ARTICLE,
        quote:
          "The rapid development of Kazakhstan is closely related to its strategic geographical location, abundant energy",
      },
    ],
  },
];

/** The motion "Try a debate" opens: the one with the fullest sample debate. */
export const featuredMotionKey = "abraham-accords";

/** The fixed clientId a demo motion is created with: what finds it again. */
export const demoMotionClientId = (key: string) => `demo:motion:${key}`;

export function readDemoFile(file: string): Buffer {
  return readFileSync(new URL(`./documents/${file}`, import.meta.url));
}
