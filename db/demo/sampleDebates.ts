import type { ArgumentRelation } from "../../lib/debate";
import { ARTICLE, COMMENTARY, OPINION } from "./library";

/**
 * The sample debates the demo library ships: written for the demo, one on each demo motion, by
 * sample authors who never sign in. Every argument cites the exact words of a seed passage; the
 * loader finds them in the imported text, so a quote that is not there stops the load.
 */

export interface SampleAuthor {
  key: string;
  name: string;
}

export interface SampleArgument {
  /** Unique within its debate: the argument's fixed clientId, and what a reply names. */
  key: string;
  author: string;
  relation: ArgumentRelation;
  /** The argument it replies to ("supports" or "attacks"); none for "for" and "against". */
  replyTo?: string;
  body: string;
  cites: { file: string; quote: string }[];
}

export interface SampleDebate {
  /** The demo motion's key (library.ts). */
  motion: string;
  arguments: SampleArgument[];
}

export const sampleAuthors: SampleAuthor[] = [
  { key: "aigerim", name: "Aigerim (sample)" },
  { key: "daniyar", name: "Daniyar (sample)" },
  { key: "leyla", name: "Leyla (sample)" },
  { key: "tom", name: "Tom (sample)" },
  { key: "mariam", name: "Mariam (sample)" },
  { key: "yerlan", name: "Yerlan (sample)" },
];

export const sampleDebates: SampleDebate[] = [
  {
    motion: "abraham-accords",
    arguments: [
      {
        key: "capital",
        author: "aigerim",
        relation: "for",
        body:
          "The Accords are a means, not an end. They open the door to Western capital and mining " +
          "technology, and to a security guarantee from Washington that neither of Kazakhstan's " +
          "giant neighbours will ever offer it.",
        cites: [
          {
            file: COMMENTARY,
            quote:
              "a tool to attract Western capital, leap ahead technologically in strategic mining industries, and, most importantly, purchase a “security insurance policy” from Washington",
          },
        ],
      },
      {
        key: "israel-ties",
        author: "daniyar",
        relation: "for",
        body:
          "Joining puts a partnership that already pays on a footing others recognise. Israel buys " +
          "Kazakh oil, helps diversify the economy and is one of its closest security partners.",
        cites: [
          {
            file: OPINION,
            quote:
              "Kazakhstan is a vital oil supplier to Israel and Israel has contributed greatly to Kazakhstan’s economic diversification efforts.",
          },
        ],
      },
      {
        key: "iran-front",
        author: "leyla",
        relation: "against",
        body:
          "The step was read at once as joining a bloc against Iran. Kazakhstan gives up the " +
          "neutrality that made it useful to both sides, and puts a Caspian neighbour on guard.",
        cites: [
          {
            file: COMMENTARY,
            quote:
              "symbolically it facilitates Tel Aviv’s access to Eurasian resources and strengthens Astana’s anti-Iranian front",
          },
        ],
      },
      {
        key: "no-gain",
        author: "mariam",
        relation: "against",
        body:
          "The gains are thin and late. Even the commentary that calls it a gamble expects little " +
          "to change in practice, while the costs to Kazakhstan's standing come at once.",
        cites: [
          {
            file: COMMENTARY,
            quote: "In practice, this new alignment may not significantly alter existing relations",
          },
        ],
      },
      {
        key: "gaza",
        author: "yerlan",
        relation: "against",
        body:
          "The timing ties Kazakhstan's name to the war in Gaza. A Muslim-majority state lending " +
          "Israel legitimacy now risks its standing with publics across the Islamic world.",
        cites: [
          {
            file: COMMENTARY,
            quote: "critics see it as a trade-off to whitewash Israel’s crimes in Gaza",
          },
        ],
      },
      {
        key: "iran-front-no",
        author: "daniyar",
        relation: "attacks",
        replyTo: "iran-front",
        body:
          "Kazakhstan kept close ties with Israel for years without losing Iran: Rouhani came to " +
          "sign five agreements right after Netanyahu's visit. A new label need not change that.",
        cites: [
          {
            file: OPINION,
            quote:
              "Iranian President Rouhani went to Kazakhstan to sign five agreements strengthening the mutually beneficial economic relationship",
          },
        ],
      },
      {
        key: "capital-front-line",
        author: "leyla",
        relation: "attacks",
        replyTo: "capital",
        body:
          "An insurance policy from Washington is only as good as Washington's interest. Seen as a " +
          "bridgehead into Russia's and China's backyard, Astana becomes a front line, not a " +
          "protected partner.",
        cites: [
          {
            file: COMMENTARY,
            quote:
              "describing Astana not as a new member but as a strategic bridgehead for projecting U.S. influence into the backyard of Russia and China",
          },
        ],
      },
      {
        key: "capital-precedent",
        author: "tom",
        relation: "supports",
        replyTo: "capital",
        body:
          "It has worked before: friendly ties with Russia, the United States and China brought " +
          "Kazakhstan technical and financial support for its recovery and security guarantees.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Kazakhstan has introduced technical and financial support for its economic recovery and development, won security guarantees",
          },
        ],
      },
      {
        key: "no-gain-status",
        author: "aigerim",
        relation: "attacks",
        replyTo: "no-gain",
        body:
          "Symbolic is not nothing. The same commentary calls the step a loud declaration that " +
          "Kazakhstan means to count among the independent powers, and status is what a middle " +
          "power trades on.",
        cites: [
          {
            file: COMMENTARY,
            quote:
              "Astana’s decision to join the Abraham Accords is a loud declaration of its desire to enter this exclusive club.",
          },
        ],
      },
      {
        key: "gaza-one-way",
        author: "mariam",
        relation: "supports",
        replyTo: "gaza",
        body:
          "And the benefit runs mostly one way: for an isolated Israel the accession is a " +
          "lifeline today, while what Kazakhstan gets back is still a promise.",
        cites: [{ file: COMMENTARY, quote: "this development is a vital lifeline" }],
      },
    ],
  },
  {
    motion: "balanced-diplomacy",
    arguments: [
      {
        key: "track-record",
        author: "tom",
        relation: "for",
        body:
          "Two decades of balancing have delivered: the policy won Kazakhstan a stable " +
          "neighbourhood and carried its economic take-off.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "balanced foreign policy of great powers has won a stable surrounding and international environment",
          },
        ],
      },
      {
        key: "influence",
        author: "daniyar",
        relation: "for",
        body:
          "Balance turns into influence. A state tied to one camp could not host talks between " +
          "the Syrian opposition and the Assad regime; Astana did.",
        cites: [
          {
            file: OPINION,
            quote:
              "Astana is scheduled to host talks between the Syrian opposition and the Assad regime later this month",
          },
        ],
      },
      {
        key: "cracks",
        author: "leyla",
        relation: "against",
        body:
          "The policy leans towards one power or another case by case. One crisis with any of " +
          "them, badly handled, can crack the whole arrangement.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Any crisis factors hidden in bilateral relations, stimulated by improper diplomatic behavior, may lead to cracks in bilateral relations",
          },
        ],
      },
      {
        key: "cracks-no",
        author: "aigerim",
        relation: "attacks",
        replyTo: "cracks",
        body:
          "A risk is not a collapse. After weighing the criticisms, the article still finds the " +
          "results plain to see.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Since the implementation of Kazakhstan's balanced foreign policy, the country's development has been obvious to all.",
          },
        ],
      },
      {
        key: "track-record-russia",
        author: "yerlan",
        relation: "attacks",
        replyTo: "track-record",
        body:
          "The stability rests on one neighbour: for its protection Kazakhstan relies almost " +
          "entirely on Russia. That is dependence with a balanced name.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Kazakhstan can only protect the Republic by relying almost entirely on the former suzerain",
          },
        ],
      },
    ],
  },
  {
    motion: "israel-iran-broker",
    arguments: [
      {
        key: "channel",
        author: "daniyar",
        relation: "for",
        body:
          "Both sides already use Astana as a channel: Netanyahu asked Nazarbayev to carry a " +
          "message to Rouhani.",
        cites: [
          {
            file: OPINION,
            quote:
              "The Prime Minister’s message signals that Israel seeks Astana as an intermediary with Iran.",
          },
        ],
      },
      {
        key: "dialogue",
        author: "aigerim",
        relation: "for",
        body:
          "Kazakhstan has a record of convening: it has hosted meetings on Muslim-Jewish dialogue " +
          "and says openly that it wants to bridge the two.",
        cites: [
          {
            file: OPINION,
            quote: "Kazakhstan is willing to bridge between Jewish and Islamic countries",
          },
        ],
      },
      {
        key: "taken-side",
        author: "leyla",
        relation: "against",
        body:
          "A broker must be seen as neutral. Joining the Abraham Accords was read as entering an " +
          "anti-Iranian security architecture; Tehran will not trust a mediator from the other camp.",
        cites: [
          {
            file: COMMENTARY,
            quote: "Kazakhstan’s formal accession to an anti-Iranian security architecture",
          },
        ],
      },
      {
        key: "taken-side-no",
        author: "tom",
        relation: "attacks",
        replyTo: "taken-side",
        body:
          "Even the Iranian commentary advises Tehran to keep Astana close rather than cut it " +
          "off, so the channel stays open.",
        cites: [
          {
            file: COMMENTARY,
            quote: "Iranian policymakers must adopt a wise and measured strategy toward Kazakhstan",
          },
        ],
      },
      {
        key: "channel-threat",
        author: "mariam",
        relation: "attacks",
        replyTo: "channel",
        body:
          "Carrying a threat is not brokering. Netanyahu's message was a warning to Iran, and a " +
          "messenger of warnings is not a mediator.",
        cites: [{ file: OPINION, quote: "We’re not a rabbit. We’re a tiger" }],
      },
    ],
  },
  {
    motion: "us-partnership",
    arguments: [
      {
        key: "diplomacy",
        author: "tom",
        relation: "for",
        body:
          "Kazakhstan sits on the Security Council and hosts talks others cannot. A partner with " +
          "that reach is worth more to Washington than its size suggests.",
        cites: [
          {
            file: OPINION,
            quote: "The U.S. will do well to pay attention to Kazakhstan’s impressive diplomacy",
          },
        ],
      },
      {
        key: "nonproliferation",
        author: "mariam",
        relation: "for",
        body:
          "Nonproliferation is a shared interest: Kazakhstan hosts the IAEA's Low-Enriched " +
          "Uranium Bank, which the United States wants to succeed.",
        cites: [
          {
            file: OPINION,
            quote: "the IAEA and the U.S. should push for its successful implementation",
          },
        ],
      },
      {
        key: "between-giants",
        author: "yerlan",
        relation: "against",
        body:
          "Kazakhstan lives between Russia and China. A partnership they read as an incursion " +
          "could make its position harder, not safer, and the United States is far away.",
        cites: [
          {
            file: ARTICLE,
            quote: "Kazakhstan is in the middle of two great powers - Russia and China.",
          },
        ],
      },
      {
        key: "between-giants-no",
        author: "aigerim",
        relation: "attacks",
        replyTo: "between-giants",
        body:
          "Astana's own strategy counts on Washington as its bridge to the wider world: deeper " +
          "ties would follow Kazakhstan's choice, not force one on it.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "make use of the United States to open a bridge of communication with the international community",
          },
        ],
      },
    ],
  },
  {
    motion: "iran-interdependence",
    arguments: [
      {
        key: "cost",
        author: "leyla",
        relation: "for",
        body:
          "Ties raise the price of a hostile turn: the more trade, transit and energy run through " +
          "Iran, the more Astana would lose by siding against it.",
        cites: [
          {
            file: COMMENTARY,
            quote:
              "so tightly interlinked that any hostile pivot from Astana would exact a high cost upon itself",
          },
        ],
      },
      {
        key: "routes",
        author: "tom",
        relation: "for",
        body:
          "The foundations are already there: a corridor and a railway carry goods between the " +
          "two countries and on to China.",
        cites: [
          {
            file: OPINION,
            quote:
              "The Kazakh-Iranian trade is boosted by the International North–South Transport Corridor and the Iran-Turkmenistan-Kazakhstan railway.",
          },
        ],
      },
      {
        key: "trade-failed",
        author: "yerlan",
        relation: "against",
        body:
          "Trade did not stop the turn towards Israel: it was growing for years, and Astana " +
          "joined the Accords all the same. More of it will not buy loyalty.",
        cites: [{ file: OPINION, quote: "Kazakh-Iranian trade is expanding." }],
      },
      {
        key: "trade-small",
        author: "mariam",
        relation: "attacks",
        replyTo: "trade-failed",
        body:
          "The trade was small: a fraction of what both sides hoped for. The dense web the " +
          "commentary asks for was never woven, so it has not yet been tried.",
        cites: [{ file: OPINION, quote: "Bilateral trade stood at $635 million in 2015" }],
      },
    ],
  },
  {
    motion: "landlocked-asset",
    arguments: [
      {
        key: "resources",
        author: "aigerim",
        relation: "for",
        body:
          "At the centre of Eurasia and rich in minerals, oil and gas, Kazakhstan is a country " +
          "every power has to court.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Kazakhstan has obvious resource advantages and is rich in mineral and oil and gas resources",
          },
        ],
      },
      {
        key: "rail",
        author: "tom",
        relation: "for",
        body:
          "Land routes can beat the sea: a train from China reached Iran in about half the time " +
          "a ship takes.",
        cites: [
          {
            file: OPINION,
            quote:
              "completed its 6,462-mile journey in approximately 14 days instead of the 30 days or more its takes a ship",
          },
        ],
      },
      {
        key: "dependence",
        author: "leyla",
        relation: "against",
        body:
          "No coast means needing neighbours to reach the world. The article finds the inland " +
          "position leaves Central Asian states dependent on coastal countries.",
        cites: [
          {
            file: ARTICLE,
            quote: "resulting in their geopolitical dependence on coastal countries",
          },
        ],
      },
      {
        key: "dependence-buffer",
        author: "daniyar",
        relation: "attacks",
        replyTo: "dependence",
        body:
          "A buffer state courted by several powers can play them against each other, and the " +
          "article credits Kazakhstan with a sharp sense of how.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Kazakhstan shows outstanding political sensitivity to the theory, situation and opportunities of the buffer state",
          },
        ],
      },
      {
        key: "resources-prisoner",
        author: "yerlan",
        relation: "attacks",
        replyTo: "resources",
        body:
          "Wealth between two giants is also a temptation. The article warns that Kazakhstan " +
          "risks becoming a political prisoner of the powers around it.",
        cites: [
          {
            file: ARTICLE,
            quote:
              "Kazakhstan must avoid the risk of making a country's influence bigger by itself and becoming a political prisoner",
          },
        ],
      },
    ],
  },
];
