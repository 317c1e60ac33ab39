/**
 * Demo data: the November 2020 Nagorno-Karabakh ceasefire brokered by Russia, as told by the
 * two articles in prisma/demo/articles/ (ISW, 13 Nov 2020; a London Daily page dated 7 Nov 2025
 * that carries a news analysis written on 10 Nov 2020).
 *
 * Pure data, no imports. Conventions an analyst reading this should know:
 *
 * - Every quote (assessments and stated interests) is copied verbatim from the article text of
 *   its source, or of the article that carries it (`citedInKey`). tests/unit/demo-data.test.ts
 *   checks this.
 * - Stance dates. Neither article dates the pre-deal stances it describes, so they are placed at
 *   two reference dates: 2020-10-12 (the first, Moscow-brokered, truce of 10 October had just
 *   failed) and 2020-11-02 (the last week of fighting before the deal). Reactions to the deal are
 *   dated 2020-11-10, the day the trilateral statement took effect; ISW's forward-looking
 *   judgments are dated 2020-11-13, the day it published. No stance is dated 9 November itself.
 * - A position records the outcome the actor is pressing for at that date, not merely what it
 *   has been forced to sign; where the two differ the rationale says so.
 * - Origins. Every quote of a source cited in an article is that article's text, so the article is
 *   the origin of the carried source as well as of its own readings: the London Daily piece for
 *   Gabuev, Unluhisarcikli, Eurasia Group, Galeotti, Ankara's statement and Erdogan's remark; ISW for
 *   the trilateral statement, whose terms the demo knows only from ISW's description. Each article's
 *   sources therefore count once in the weighted figures (lib/stance/origins.ts).
 * - Stated interests: no Russian official is quoted in either article, so Russia's interests are
 *   taken from how the article or a quoted expert characterises them; the summaries say so.
 */

export type DemoActorKind = 'PERSON' | 'STATE' | 'ORGANISATION' | 'ARMED_GROUP' | 'OTHER';
export type DemoSourceKind = 'NEWS' | 'THINK_TANK' | 'OFFICIAL_STATEMENT' | 'INTERVIEW' | 'SOCIAL_MEDIA' | 'OTHER';

export interface DemoActor {
  key: string;
  name: string;
  kind: DemoActorKind;
  aliases: string[];
  parentKey?: string;
  description: string;
}

/** anchors ascending, must include 0 and 100 */
export interface DemoIssue {
  key: string;
  title: string;
  description: string;
  anchors: { value: number; label: string }[];
}

export interface DemoSource {
  key: string;
  title: string;
  outlet: string;
  author: string;
  url: string;
  /** YYYY-MM-DD */
  publishedAt: string;
  kind: DemoSourceKind;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  /** file name in prisma/demo/articles whose text is the body */
  articleFile?: string;
  /** for a source quoted inside another source */
  citedInKey?: string;
  /** the original reporting its text comes from: sources sharing one count once in weighted figures */
  origin?: string;
}

export interface DemoInterest {
  actorKey: string;
  sourceKey: string;
  statedOn: string;
  quote: string;
  summary: string;
}

export interface DemoAssessment {
  actorKey: string;
  issueKey: string;
  sourceKey: string;
  analyst: 'analyst' | 'admin';
  position: number;
  salience: number;
  capability: number | null;
  confidence: 'LOW' | 'MODERATE' | 'HIGH';
  credibility: 1 | 2 | 3 | 4 | 5 | 6;
  stanceDate: string;
  quote: string;
  rationale: string;
}

export interface DemoEvent {
  occurredOn: string;
  title: string;
  description: string;
  /** Issue keys; none: the whole workspace. */
  issueKeys: string[];
  sourceKey?: string;
}

export interface DemoScenario {
  key: string;
  issueKey: string;
  name: string;
  description: string;
  asOf: string;
  overrides: { actorKey: string; position?: number; salience?: number; capability?: number; excluded?: boolean }[];
  estimates: {
    analyst: 'analyst' | 'admin';
    estimatedOn: string;
    likelihood: 'ALMOST_NO_CHANCE' | 'VERY_UNLIKELY' | 'UNLIKELY' | 'ROUGHLY_EVEN' | 'LIKELY' | 'VERY_LIKELY' | 'ALMOST_CERTAIN';
    /** 0-1 inside the ICD 203 band */
    probability: number;
    rationale: string;
  }[];
}

export const demoWorkspace = { name: 'Caucasus Desk (demo)', slug: 'demo' };

// ---------------------------------------------------------------------------------------------
// Actors
//
// Aliases are the surface forms the app highlights in source text. Capitals used as metonyms
// ("Moscow", "Ankara", "Baku", "Yerevan") and "the Kremlin" are included. Demonym adjectives are
// included only where the articles use them for the state itself and they cannot be confused with
// another actor: "Azeri"/"Azerbaijani" ("the Azeri offensive", "the Azerbaijani demands"). "Armenian"
// is deliberately NOT an alias of Armenia: "ethnic Armenian forces" in Nagorno-Karabakh are a
// separate actor and "Armenians" are people. "Russian" and "Turkish" are left out because most of
// their uses modify people or kit ("Russian peacekeepers", "Turkish-backed proxy forces") and would
// swamp the highlighting.
// ---------------------------------------------------------------------------------------------

export const demoActors: DemoActor[] = [
  {
    key: 'russia',
    name: 'Russia',
    kind: 'STATE',
    aliases: ['Moscow', 'the Kremlin', 'Kremlin', 'Russian Federation'],
    description:
      'Brokered the 9/10 November 2020 trilateral statement that ended the war and deployed a Russian peacekeeping contingent in Nagorno-Karabakh. Has a defence pact with Armenia and a military base there; treats the South Caucasus as part of its southern flank.',
  },
  {
    key: 'putin',
    name: 'Vladimir Putin',
    kind: 'PERSON',
    aliases: ['Putin', 'President Putin'],
    parentKey: 'russia',
    description: 'President of Russia; signatory of the November 2020 trilateral statement.',
  },
  {
    key: 'turkey',
    name: 'Turkey',
    kind: 'STATE',
    aliases: ['Ankara', 'Türkiye', 'Turkiye', 'Republic of Turkey'],
    description:
      "Azerbaijan's main backer in the 2020 war (arms, including Bayraktar drones, and diplomatic support; ISW also cites Syrian proxy deployments). Not a signatory of the November 2020 deal; its troops were kept out of the enclave, with a role at a ceasefire monitoring centre outside it.",
  },
  {
    key: 'erdogan',
    name: 'Recep Tayyip Erdogan',
    kind: 'PERSON',
    aliases: ['Tayyip Erdogan', 'Erdogan', 'Recep Tayyip Erdoğan', 'Erdoğan'],
    parentKey: 'turkey',
    description: 'President of Turkey.',
  },
  {
    key: 'azerbaijan',
    name: 'Azerbaijan',
    kind: 'STATE',
    aliases: ['Baku', 'Azeri', 'Azerbaijani', 'Republic of Azerbaijan'],
    description:
      'In the six-week war of autumn 2020 retook most of the southern districts around Nagorno-Karabakh and part of the enclave itself, including Shusha; the November deal confirmed those gains and returned the remaining Armenian-held districts.',
  },
  {
    key: 'aliyev',
    name: 'Ilham Aliyev',
    kind: 'PERSON',
    aliases: ['Aliyev'],
    parentKey: 'azerbaijan',
    description:
      'President of Azerbaijan since 2003 (son of Heydar Aliyev, president when the territories were lost in 1994); signatory of the November 2020 trilateral statement. Note: the alias "Aliyev" also matches his father.',
  },
  {
    key: 'armenia',
    name: 'Armenia',
    kind: 'STATE',
    aliases: ['Yerevan', 'Republic of Armenia'],
    description:
      'Backed the ethnic Armenian authorities of Nagorno-Karabakh; depends on Russia for its security (defence pact, Russian base). Signed the November 2020 deal under military pressure.',
  },
  {
    key: 'pashinyan',
    name: 'Nikol Pashinyan',
    kind: 'PERSON',
    aliases: ['Pashinyan'],
    parentKey: 'armenia',
    description:
      'Prime Minister of Armenia since the 2018 protests; signatory of the November 2020 statement, which many Armenians saw as a sell-out.',
  },
  {
    key: 'nk-armenian-forces',
    name: 'Ethnic Armenian forces in Nagorno-Karabakh',
    kind: 'ARMED_GROUP',
    aliases: ['ethnic Armenian forces', 'Artsakh Defence Army', 'Nagorno-Karabakh Defence Army'],
    description:
      'The armed forces of the self-declared ethnic Armenian authorities in Nagorno-Karabakh, closely tied to but distinct from the Republic of Armenia. Kept separate from Armenia on purpose.',
  },
  {
    key: 'carnegie-moscow',
    name: 'Carnegie Moscow Center',
    kind: 'ORGANISATION',
    aliases: ['Carnegie Moscow Centre'],
    description: 'Moscow branch of the Carnegie Endowment for International Peace (closed by the Russian authorities in 2022).',
  },
  {
    key: 'gabuev',
    name: 'Alexander Gabuev',
    kind: 'PERSON',
    aliases: ['Gabuev'],
    parentKey: 'carnegie-moscow',
    description: 'Senior fellow at the Carnegie Moscow Center when quoted in November 2020.',
  },
  {
    key: 'gmf',
    name: 'German Marshall Fund',
    kind: 'ORGANISATION',
    aliases: ['German Marshall Fund of the United States', 'GMF'],
    description: 'Transatlantic think tank with an office in Ankara.',
  },
  {
    key: 'unluhisarcikli',
    name: 'Ozgur Unluhisarcikli',
    kind: 'PERSON',
    aliases: ['Unluhisarcikli', 'Özgür Ünlühisarcıklı'],
    parentKey: 'gmf',
    description: "Director of the German Marshall Fund's Ankara office when quoted in November 2020.",
  },
  {
    key: 'eurasia-group',
    name: 'Eurasia Group',
    kind: 'ORGANISATION',
    aliases: [],
    description: 'Political risk consultancy; quoted from a research note on the ceasefire.',
  },
  {
    key: 'rusi',
    name: 'Royal United Services Institute',
    kind: 'ORGANISATION',
    aliases: ['RUSI'],
    description: 'London-based defence and security think tank.',
  },
  {
    key: 'galeotti',
    name: 'Mark Galeotti',
    kind: 'PERSON',
    aliases: ['Galeotti'],
    parentKey: 'rusi',
    description: 'Senior associate fellow at RUSI; wrote on the ceasefire in a Moscow Times opinion piece.',
  },
  {
    key: 'isw',
    name: 'Institute for the Study of War',
    kind: 'ORGANISATION',
    aliases: ['ISW'],
    description: 'Washington-based think tank; published the 13 November 2020 analysis used here.',
  },
  {
    key: 'yazici',
    name: 'Ezgi Yazici',
    kind: 'PERSON',
    aliases: ['Yazici', 'Ezgi Yazıcı'],
    parentKey: 'isw',
    description: 'ISW analyst covering Turkey; author of "Putin Outmaneuvers Erdogan in Nagorno-Karabakh".',
  },
];

// ---------------------------------------------------------------------------------------------
// Issues
// ---------------------------------------------------------------------------------------------

export const demoIssues: DemoIssue[] = [
  {
    key: 'foreign-military-presence',
    title: 'Foreign military presence in Nagorno-Karabakh',
    description:
      'Which foreign forces, if any, should be deployed in Nagorno-Karabakh to keep the peace. The scale measures the make-up of the presence, rising with the weight of Russia in it; it says nothing about the size of the force. Convention for this desk: the November 2020 outcome (Russian peacekeepers only inside the enclave, Turkish officers only at a ceasefire monitoring centre outside it) is scored 90. No actor in the sources proposes a Turkish-only force, so the scale has no point for one.',
    anchors: [
      { value: 0, label: 'No foreign forces' },
      { value: 25, label: 'Unarmed international observers only, no peacekeeping troops' },
      { value: 50, label: 'Joint Russian-Turkish peacekeeping' },
      { value: 75, label: 'Russian-led peacekeeping with a minor Turkish role (observers inside the enclave)' },
      { value: 100, label: 'Russian-only peacekeeping force' },
    ],
  },
  {
    key: 'territorial-control',
    title: 'Territorial control of Nagorno-Karabakh and surrounding districts',
    description:
      'Who should control Nagorno-Karabakh and the seven surrounding districts held by Armenian forces from 1994 until the 2020 war. 0 is the pre-war status quo, 100 full Azerbaijani control. The November 2020 deal sits at 75.',
    anchors: [
      { value: 0, label: 'Pre-war status quo: Armenian forces hold Nagorno-Karabakh and all seven districts' },
      { value: 25, label: 'Negotiated, phased return of districts; Nagorno-Karabakh and a Lachin corridor stay Armenian-held' },
      { value: 50, label: 'All seven districts returned to Azerbaijan; the Nagorno-Karabakh core remains Armenian-held' },
      { value: 75, label: 'Districts and part of Nagorno-Karabakh (Shusha) Azerbaijani; rest of the enclave Armenian-held under Russian peacekeepers' },
      { value: 100, label: 'Full Azerbaijani control of Nagorno-Karabakh and all districts' },
    ],
  },
  {
    key: 'turkey-role',
    title: "Turkey's role in the South Caucasus",
    description:
      "How large a security and diplomatic role Turkey should have in the South Caucasus settlement. Measures Turkey's formal role in the settlement and on the ground, not its bilateral ties with Azerbaijan, which every actor takes as given.",
    anchors: [
      { value: 0, label: 'No Turkish role: the settlement and its security are a Russian preserve' },
      { value: 25, label: "Azerbaijan's patron only (arms, diplomacy), no formal part in the settlement" },
      { value: 50, label: 'Secondary role alongside Russia (monitoring centre, Nakhichevan corridor)' },
      { value: 75, label: 'Co-mediator with Russia, with a say in implementation' },
      { value: 100, label: 'Leading power or co-guarantor with troops on the ground in Nagorno-Karabakh' },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------

const ISW = 'isw-2020-11-13';
const LD = 'london-daily-2025-11-07';
const GABUEV = 'gabuev-comment-2020-11-10';
const UNLU = 'unluhisarcikli-comment-2020-11-10';
const EURASIA = 'eurasia-group-note-2020-11-10';
const GALEOTTI = 'galeotti-moscow-times-2020-11-10';
const ANKARA = 'ankara-sacred-success-2020-11-10';
const ERDOGAN_REMARK = 'erdogan-world-order-remark';
const TRILATERAL = 'trilateral-statement-2020-11-10';

// The two articles every demo source's text comes from (see "Origins" above).
const LD_ORIGIN = "London Daily, \"Analysis: Putin draws Erdogan a red line on Russia's southern flank with Karabakh deal\"";
const ISW_ORIGIN = 'Institute for the Study of War, "Putin Outmaneuvers Erdogan in Nagorno-Karabakh" (13 Nov 2020)';

export const demoSources: DemoSource[] = [
  {
    key: ISW,
    title: 'Putin Outmaneuvers Erdogan in Nagorno-Karabakh',
    outlet: 'Institute for the Study of War',
    author: 'Ezgi Yazici',
    url: '',
    publishedAt: '2020-11-13',
    kind: 'THINK_TANK',
    reliability: 'B',
    articleFile: 'isw-2020-11-13-putin-outmaneuvers-erdogan.txt',
    origin: ISW_ORIGIN,
  },
  {
    key: LD,
    title:
      "Analysis: Putin draws Erdogan a red line on Russia's southern flank with Karabakh deal (page dated 7 Nov 2025; the text reports the November 2020 deal as news)",
    outlet: 'London Daily',
    author: '',
    url: '',
    publishedAt: '2025-11-07',
    kind: 'NEWS',
    reliability: 'C',
    articleFile: 'london-daily-2025-11-07-karabakh-analysis.txt',
    origin: LD_ORIGIN,
  },
  {
    key: GABUEV,
    title: 'Alexander Gabuev: comment on the Karabakh deal (as quoted by London Daily)',
    outlet: 'Carnegie Moscow Center',
    author: 'Alexander Gabuev',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'INTERVIEW',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: UNLU,
    title: 'Ozgur Unluhisarcikli: comment on the ceasefire (as quoted by London Daily)',
    outlet: 'German Marshall Fund',
    author: 'Ozgur Unluhisarcikli',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'INTERVIEW',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: EURASIA,
    title: 'Eurasia Group research note on the Nagorno-Karabakh ceasefire (as quoted by London Daily)',
    outlet: 'Eurasia Group',
    author: '',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'THINK_TANK',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: GALEOTTI,
    title: 'Mark Galeotti: Moscow Times opinion piece on the ceasefire (as quoted by London Daily)',
    outlet: 'The Moscow Times',
    author: 'Mark Galeotti',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'OTHER',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: ANKARA,
    title: 'Ankara: ceasefire deal a "sacred success" for Azerbaijan (as reported by London Daily)',
    outlet: 'Government of Turkey',
    author: '',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'OFFICIAL_STATEMENT',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: ERDOGAN_REMARK,
    title: 'Erdogan: Turkey\'s "deserved place in the world order" (undated remark, as reported by London Daily on 10 Nov 2020)',
    outlet: 'Recep Tayyip Erdogan (venue not given in the report)',
    author: 'Recep Tayyip Erdogan',
    url: '',
    // The article gives no date for the remark; this is the date it was reported, the latest it can be.
    publishedAt: '2020-11-10',
    kind: 'OFFICIAL_STATEMENT',
    reliability: 'B',
    citedInKey: LD,
    origin: LD_ORIGIN,
  },
  {
    key: TRILATERAL,
    title:
      'Trilateral statement by the President of Azerbaijan, the Prime Minister of Armenia and the President of Russia (signed 9 Nov 2020, in force 10 Nov; terms as described by ISW)',
    outlet: 'Presidents of Russia and Azerbaijan, Prime Minister of Armenia',
    author: 'Vladimir Putin, Ilham Aliyev, Nikol Pashinyan',
    url: '',
    publishedAt: '2020-11-10',
    kind: 'OFFICIAL_STATEMENT',
    reliability: 'A',
    citedInKey: ISW,
    origin: ISW_ORIGIN,
  },
];

// ---------------------------------------------------------------------------------------------
// Stated interests
// ---------------------------------------------------------------------------------------------

export const demoInterests: DemoInterest[] = [
  {
    actorKey: 'erdogan',
    sourceKey: ERDOGAN_REMARK,
    statedOn: '2020-11-10',
    quote: 'deserved place in the world order',
    summary:
      "Erdogan frames Turkey's support for Azerbaijan as part of Turkey's quest for its \"deserved place in the world order\". The remark is undated in the report; 10 Nov 2020 is the date it was reported, and it predates the deal (Erdogan had not yet commented on it).",
  },
  {
    actorKey: 'turkey',
    sourceKey: ANKARA,
    statedOn: '2020-11-10',
    quote: 'sacred success',
    summary: 'Ankara calls the ceasefire deal a "sacred success" for its ally Azerbaijan: it claims the outcome as a win although Turkey is not a party to it.',
  },
  {
    actorKey: 'russia',
    sourceKey: LD,
    statedOn: '2020-11-10',
    quote: 'a swath of the former Soviet Union it views as vital to defending its own southern flank',
    summary:
      "Moscow treats the South Caucasus as vital to defending Russia's southern flank. The article's characterisation of a long-held view, not a Russian statement.",
  },
  {
    actorKey: 'russia',
    sourceKey: GABUEV,
    statedOn: '2020-11-10',
    quote: 'Russia has put its 2,000 peacekeepers in Nagorno-Karabakh - something that Moscow wanted to do back in 1994, but was unable to.',
    summary: "Russian peacekeepers in Nagorno-Karabakh, a goal since 1994. Gabuev's reading of Moscow's interest, not a Russian statement.",
  },
  {
    actorKey: 'russia',
    sourceKey: GABUEV,
    statedOn: '2020-11-10',
    quote: 'There will be no Turkish armed peacekeepers, which is very important for Moscow.',
    summary: "Keeping Turkish armed peacekeepers out of Nagorno-Karabakh. Gabuev's reading of Moscow's interest, not a Russian statement.",
  },
  {
    actorKey: 'azerbaijan',
    sourceKey: ISW,
    statedOn: '2020-10-12',
    quote: 'Azerbaijan’s and Turkey’s insistence on Armenian withdrawal from Nagorno-Karabakh',
    summary:
      "Armenian withdrawal from Nagorno-Karabakh as the condition for a ceasefire. ISW's account of Baku's wartime demand; dated to the failed October truces, which ISW says it blocked.",
  },
  {
    actorKey: 'turkey',
    sourceKey: ISW,
    statedOn: '2020-10-12',
    quote: 'Azerbaijan’s and Turkey’s insistence on Armenian withdrawal from Nagorno-Karabakh',
    summary: "Ankara backed Baku's demand for Armenian withdrawal as the condition for a ceasefire (ISW's account; dated to the failed October truces).",
  },
  {
    actorKey: 'aliyev',
    sourceKey: ISW,
    statedOn: '2020-11-10',
    quote: 'the leader to reclaim Azerbaijan’s territories lost during his father’s presidency in 1994',
    summary: "Aliyev's personal stake: to be the leader who recovers the territories lost under his father. ISW's characterisation, not Aliyev's words.",
  },
];

// ---------------------------------------------------------------------------------------------
// Assessments
// ---------------------------------------------------------------------------------------------

const WAR_MID = '2020-10-12';
const WAR_LATE = '2020-11-02';
const DEAL = '2020-11-10';
const ISW_PUB = '2020-11-13';

const FMP = 'foreign-military-presence';
const TERR = 'territorial-control';
const TROLE = 'turkey-role';

export const demoAssessments: DemoAssessment[] = [
  // ---- Foreign military presence: before the deal ------------------------------------------
  {
    actorKey: 'russia',
    issueKey: FMP,
    sourceKey: LD,
    analyst: 'analyst',
    position: 100,
    salience: 85,
    capability: 85,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_MID,
    quote:
      'In the end though, Putin has achieved a more than two decades Russian dream of inserting Russian peacekeepers into Nagorno-Karabakh on a renewable five-year basis',
    rationale:
      'A goal held for more than two decades was still the goal during the war: Russian peacekeepers, and nothing suggests Moscow wanted to share the job. Read back from a post-deal report, so moderate confidence.',
  },
  {
    actorKey: 'russia',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 80,
    salience: 80,
    capability: 85,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_MID,
    quote:
      'The agreement does not mention Baku’s key ally Ankara, despite earlier discussions of a joint Turkish-Russian peacekeeping presence in Nagorno-Karabakh.',
    rationale:
      'If a joint Turkish-Russian presence was under discussion, Moscow was at least keeping that option open mid-war, so the analyst places Russia below Russian-only. Low confidence: ISW does not say who raised the idea or how seriously Moscow engaged.',
  },
  {
    actorKey: 'turkey',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 50,
    salience: 70,
    capability: 55,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: WAR_MID,
    quote:
      'The agreement does not mention Baku’s key ally Ankara, despite earlier discussions of a joint Turkish-Russian peacekeeping presence in Nagorno-Karabakh.',
    rationale:
      'Ankara was party to discussions of a joint Turkish-Russian peacekeeping presence: the 50 anchor. Credibility 3 because ISW reports the discussions only in passing, citing a press report.',
  },
  {
    actorKey: 'turkey',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'admin',
    position: 45,
    salience: 75,
    capability: 55,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_LATE,
    quote:
      'Ankara likely saw the conflict as a low-cost opportunity to solidify a Turkish foothold in the Caucasus while gaining an advantage over Moscow and potentially replacing Russia as Azerbaijan’s key patron.',
    rationale:
      'An Ankara hoping to replace Russia as Baku\'s patron would want any foreign force weighted away from Russia, so the admin places it slightly below the joint anchor. This is ISW\'s inference ("likely"), hence low confidence.',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 30,
    salience: 55,
    capability: 55,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_MID,
    quote:
      'Aliyev will likely enjoy domestic popularity from his Kremlin-delivered victory, but he now faces new challenges with the first Russian military presence in Azerbaijan in many years and likely damaged relations with Turkey.',
    rationale:
      'If Russian troops are a "new challenge" for Aliyev, Baku had kept them off its soil for years and was not seeking them while it was winning; placed between observers-only and a joint force. Low confidence: inferred from a post-deal sentence.',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 45,
    salience: 60,
    capability: 60,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_LATE,
    quote:
      'The agreement does not mention Baku’s key ally Ankara, despite earlier discussions of a joint Turkish-Russian peacekeeping presence in Nagorno-Karabakh.',
    rationale:
      'By late in the war a foreign force was clearly coming, and a joint presence that included its ally was the form Baku could live with: near the joint anchor, still leaning away from Russia.',
  },
  {
    actorKey: 'armenia',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 85,
    salience: 65,
    capability: 20,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_LATE,
    quote:
      'Putin compelled Yerevan to accept this defeat by taking advantage of Armenia’s dependence on Russian military power to withstand the Turkish-backed Azerbaijani push.',
    rationale:
      'Armenia depends on Russian military power and is fighting a Turkish-backed push, so it would accept Russian forces and reject any Turkish ones. 85 rather than 100 because neither article shows Yerevan asking for Russian peacekeepers before the deal.',
  },

  // ---- Foreign military presence: after the deal -------------------------------------------
  {
    actorKey: 'russia',
    issueKey: FMP,
    sourceKey: TRILATERAL,
    analyst: 'admin',
    position: 100,
    salience: 90,
    capability: 90,
    confidence: 'HIGH',
    credibility: 1,
    stanceDate: DEAL,
    quote:
      'Putin seized those reins with the November 9 agreement by forcing Armenia to surrender to the Azerbaijani demands under exclusive Russian control over the implementation process.',
    rationale:
      'The text Russia brokered and signed gives it exclusive control of implementation and gives Turkey no role at all, which is Russian-only. Confirmed by both articles, so credibility 1.',
  },
  {
    actorKey: 'russia',
    issueKey: FMP,
    sourceKey: GABUEV,
    analyst: 'analyst',
    position: 100,
    salience: 90,
    capability: 90,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Russia has put its 2,000 peacekeepers in Nagorno-Karabakh - something that Moscow wanted to do back in 1994, but was unable to.',
    rationale:
      'Gabuev describes a Russian-only contingent that fulfils a goal Moscow has held since 1994; together with his "no Turkish armed peacekeepers" remark this is 100.',
  },
  {
    actorKey: 'russia',
    issueKey: FMP,
    sourceKey: LD,
    analyst: 'analyst',
    position: 90,
    salience: 90,
    capability: 90,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'kept Turkish troops, who will instead help run a ceasefire monitoring centre outside the enclave, out',
    rationale:
      'Moscow keeps Turkish troops out of the enclave but goes along with Turkish staff at a monitoring centre outside it, which is the desk\'s 90 by convention. A small concession compared with the signed text.',
  },
  {
    actorKey: 'turkey',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 55,
    salience: 70,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'The Russian-brokered agreement likely shocked Ankara.',
    rationale:
      'A shocked Ankara has not yet accepted being left out, so the analyst moves it only slightly from the joint anchor. Capability is cut because Turkey is not in the text.',
  },
  {
    actorKey: 'turkey',
    issueKey: FMP,
    sourceKey: EURASIA,
    analyst: 'analyst',
    position: 85,
    salience: 55,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'Turkey maintains some role, but it is clearly secondary to Russia’s',
    rationale:
      'Eurasia Group reads Ankara as content with a secondary role ("Erdogan is likely fine with this"), so Turkey is close to accepting the outcome (90). This contradicts ISW\'s "likely shocked Ankara"; the 30-point gap between the two is the point of recording both.',
  },
  {
    actorKey: 'turkey',
    issueKey: FMP,
    sourceKey: UNLU,
    analyst: 'admin',
    position: 70,
    salience: 65,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'Ankara did not need permission to send its forces to observe the ceasefire, Unluhisarcikli said, although it was unclear if Moscow had accepted that.',
    rationale:
      'Ankara accepts that it will not have peacekeepers inside the enclave, but claims the right to send observers whether or not Moscow agrees. That puts it between the joint and the Russian-led anchors, nearer the latter.',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: FMP,
    sourceKey: TRILATERAL,
    analyst: 'admin',
    position: 90,
    salience: 60,
    capability: 60,
    confidence: 'HIGH',
    credibility: 1,
    stanceDate: DEAL,
    quote:
      'Putin seized those reins with the November 9 agreement by forcing Armenia to surrender to the Azerbaijani demands under exclusive Russian control over the implementation process.',
    rationale:
      'Baku signed a text with Russian-only implementation and hosts the Turkish monitoring role outside the enclave: the 90 outcome. Its signature is confirmed; whether it prefers this is a separate question (see the Unluhisarcikli reading).',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: FMP,
    sourceKey: UNLU,
    analyst: 'analyst',
    position: 75,
    salience: 60,
    capability: 55,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'the Russian presence in the area was a negative for Turkey and Azerbaijan but the Azeri position was now far stronger than six weeks ago',
    rationale:
      'Baku accepts Russian troops as the price of its gains but counts them as a negative; it would prefer a bigger role for its ally, so placed at the Russian-led anchor, below what it signed.',
  },
  {
    actorKey: 'armenia',
    issueKey: FMP,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 100,
    salience: 80,
    capability: 15,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'but Yerevan has nowhere to go—no other power or group of states can defend Armenia from Turkey or Azerbaijan',
    rationale:
      "With Russia the only power able to protect Armenia and Karabakh's Armenians, Yerevan wants the peacekeepers to be Russian and any Turkish role kept out. Capability is low: it was compelled to sign.",
  },

  // ---- Territorial control: before the deal ------------------------------------------------
  {
    actorKey: 'azerbaijan',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 100,
    salience: 100,
    capability: 75,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_MID,
    quote:
      'Azerbaijan’s and Turkey’s insistence on Armenian withdrawal from Nagorno-Karabakh was likely the key obstacle to the previous ceasefires attempts',
    rationale:
      "Baku's condition for a ceasefire was Armenian withdrawal from Nagorno-Karabakh itself, not just the districts: full control, 100. Azerbaijan's consistent public line, so credibility 2 despite ISW's \"likely\".",
  },
  {
    actorKey: 'turkey',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 100,
    salience: 60,
    capability: 50,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: WAR_MID,
    quote:
      'Azerbaijan’s and Turkey’s insistence on Armenian withdrawal from Nagorno-Karabakh was likely the key obstacle to the previous ceasefires attempts',
    rationale: 'Ankara backed the same demand for full Armenian withdrawal. Salience lower than for Baku: for Turkey the territory is a means to influence, not an end.',
  },
  {
    actorKey: 'turkey',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'analyst',
    position: 95,
    salience: 65,
    capability: 55,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_LATE,
    quote: 'And Turkish President Tayyip Erdogan backed the Azeri offensive militarily and diplomatically and tried to gatecrash mediation efforts.',
    rationale:
      'Continued military and diplomatic backing for the offensive means Ankara was still behind a near-total Azerbaijani recovery late in the war. 95, not 100: the report does not say Turkey demanded the whole enclave at this point.',
  },
  {
    actorKey: 'russia',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'analyst',
    position: 40,
    salience: 60,
    capability: 80,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: WAR_MID,
    quote: 'Three previous ceasefires, at least one of which was brokered by Moscow, fell apart.',
    rationale:
      "Moscow's mid-October aim was a truce that froze the lines, leaving Azerbaijan its early gains in the south and Armenians the enclave and most districts: between a phased return (25) and all districts (50). Low confidence: the article does not describe Moscow's terms.",
  },
  {
    actorKey: 'russia',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 55,
    salience: 60,
    capability: 85,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: WAR_LATE,
    quote:
      'Had Putin instead rallied around his Armenian allies, he could have stopped or reversed the Azerbaijani gains, but at the cost of driving Azerbaijan much more firmly into the Turkish camp.',
    rationale:
      'Putin chose not to stop or reverse Azerbaijani gains, so by late in the war Moscow was letting the districts go: just past the 50 anchor. Capability high: ISW judges he could have reversed them.',
  },
  {
    actorKey: 'armenia',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 5,
    salience: 100,
    capability: 30,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_MID,
    quote:
      'Azerbaijan’s and Turkey’s insistence on Armenian withdrawal from Nagorno-Karabakh was likely the key obstacle to the previous ceasefires attempts',
    rationale:
      'If demands for Armenian withdrawal were what wrecked the truces, Yerevan was refusing to withdraw: close to the pre-war status quo. Not 0, because Armenia had long accepted talks on returning districts.',
  },

  // ---- Territorial control: after the deal -------------------------------------------------
  {
    actorKey: 'azerbaijan',
    issueKey: TERR,
    sourceKey: TRILATERAL,
    analyst: 'admin',
    position: 80,
    salience: 100,
    capability: 85,
    confidence: 'HIGH',
    credibility: 1,
    stanceDate: DEAL,
    quote:
      'The Russian-brokered agreement will end Armenia’s military presence in Nagorno-Karabakh and its surrounding regions of Azerbaijan by December 1',
    rationale:
      'Baku signed for the districts, Shusha and the end of Armenian military presence by 1 December, which is the 75 outcome. Placed at 80 because ISW reads the terms as fully Azerbaijani ("on Azerbaijani terms").',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: TERR,
    sourceKey: UNLU,
    analyst: 'analyst',
    position: 80,
    salience: 95,
    capability: 85,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Azerbaijan has obtained a great success in the field and this is consolidated by this ceasefire',
    rationale:
      'Baku banks its battlefield gains and accepts the ceasefire lines for now, dropping from full control (100) to just above the deal (75). It keeps the claim to the rest of the enclave.',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'admin',
    position: 75,
    salience: 95,
    capability: 80,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'With the wider deal, Putin has staved off a full Turkish-backed Azeri takeover of Nagorno-Karabakh however',
    rationale:
      'Read as Moscow stopping Baku short of a takeover it could otherwise have completed. Baku accepted the stop, so its operative position is the deal itself (75); capability slightly below the ISW reading because Russia now caps it.',
  },
  {
    actorKey: 'turkey',
    issueKey: TERR,
    sourceKey: ANKARA,
    analyst: 'analyst',
    position: 80,
    salience: 60,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Ankara has said the ceasefire deal was a "sacred success" for its ally Azerbaijan',
    rationale:
      "By calling the deal a \"sacred success\" Ankara publicly endorses the territorial outcome, moving from full withdrawal to about the deal's line. The statement is on record, so credibility 2; how sincere it is, is another matter (see ISW).",
  },
  {
    actorKey: 'turkey',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'admin',
    position: 90,
    salience: 55,
    capability: 35,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'But those gains are far short of what Erdogan was likely expecting in return for the risks he courted in this conflict',
    rationale:
      'ISW implies Ankara expected more, including a fuller Azerbaijani victory, so behind the public "sacred success" the admin keeps Turkey\'s preference above the deal. Low confidence: an inference from ISW\'s inference.',
  },
  {
    actorKey: 'russia',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 80,
    salience: 60,
    capability: 90,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'The Kremlin produced the most significant breakthrough in the disputed zone since 1994 with a Russian-brokered agreement on Azerbaijani terms.',
    rationale:
      'Moscow drafted and guarantees a deal "on Azerbaijani terms", so its position is now the deal, read at the Azerbaijani end (80). A large move from its wartime stance, by its own choice.',
  },
  {
    actorKey: 'russia',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'analyst',
    position: 70,
    salience: 60,
    capability: 90,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote:
      'With the wider deal, Putin has staved off a full Turkish-backed Azeri takeover of Nagorno-Karabakh however, which ethnic Armenians forces said was just days away from falling',
    rationale:
      'The London Daily stresses what Moscow saved for the Armenians rather than what it gave Baku, which puts Russia a little below the deal line (70). It disagrees with the ISW reading at 80.',
  },
  {
    actorKey: 'armenia',
    issueKey: TERR,
    sourceKey: TRILATERAL,
    analyst: 'admin',
    position: 75,
    salience: 100,
    capability: 10,
    confidence: 'MODERATE',
    credibility: 1,
    stanceDate: DEAL,
    quote:
      'Putin seized those reins with the November 9 agreement by forcing Armenia to surrender to the Azerbaijani demands under exclusive Russian control over the implementation process.',
    rationale:
      "Armenia's signature commits it to the 75 outcome, which is confirmed. It was extracted by force, so confidence is only moderate that this is Armenia's position rather than its defeat.",
  },
  {
    actorKey: 'armenia',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'analyst',
    position: 60,
    salience: 100,
    capability: 10,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'The Karabakh deal, seen by many Armenians as a sell-out, puts Pashinyan under pressure, with opposition political parties calling for him to resign.',
    rationale:
      'The government signed, but the opposition and much of the public reject the deal, so Armenia as a whole would take back more if it could. Placed below the signed 75, a deliberate disagreement with the reading from the text.',
  },
  {
    actorKey: 'pashinyan',
    issueKey: TERR,
    sourceKey: TRILATERAL,
    analyst: 'analyst',
    position: 75,
    salience: 100,
    capability: 5,
    confidence: 'MODERATE',
    credibility: 1,
    stanceDate: DEAL,
    quote:
      'Putin compelled Yerevan to accept this defeat by taking advantage of Armenia’s dependence on Russian military power to withstand the Turkish-backed Azerbaijani push.',
    rationale:
      'Pashinyan signed the statement and owns the outcome (75). Capability near zero: his government was stormed the same night and his survival is in question.',
  },
  {
    actorKey: 'aliyev',
    issueKey: TERR,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 80,
    salience: 100,
    capability: 85,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'making Azerbaijani President Ilham Aliyev the leader to reclaim Azerbaijan’s territories lost during his father’s presidency in 1994',
    rationale:
      'Aliyev takes the deal as the historic recovery of the lost territories and signs for it: at the deal line, leaning Azerbaijani (80). Salience is maximal: his legacy rests on it.',
  },
  {
    actorKey: 'putin',
    issueKey: TERR,
    sourceKey: LD,
    analyst: 'analyst',
    position: 75,
    salience: 55,
    capability: 90,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Russian President Vladimir Putin has brokered a Nagorno-Karabakh peace deal that locks in territorial gains for Turkey-backed Azerbaijan.',
    rationale: 'Putin brokered and personally guarantees the territorial outcome, the 75 anchor.',
  },

  // ---- Turkey's role: before the deal ------------------------------------------------------
  {
    actorKey: 'turkey',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 90,
    salience: 85,
    capability: 60,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: WAR_MID,
    quote:
      'Ankara likely saw the conflict as a low-cost opportunity to solidify a Turkish foothold in the Caucasus while gaining an advantage over Moscow and potentially replacing Russia as Azerbaijan’s key patron.',
    rationale:
      'A foothold, an edge over Moscow and possibly displacing Russia as Baku\'s patron amount to a leading role, short only of troops in the enclave: 90. ISW\'s "likely" makes this an analytic inference, hence moderate confidence and credibility 3.',
  },
  {
    actorKey: 'turkey',
    issueKey: TROLE,
    sourceKey: LD,
    analyst: 'admin',
    position: 80,
    salience: 85,
    capability: 55,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_LATE,
    quote: 'And Turkish President Tayyip Erdogan backed the Azeri offensive militarily and diplomatically and tried to gatecrash mediation efforts.',
    rationale:
      'Trying to gatecrash mediation is a bid for at least a co-mediator seat (75), on top of its role as Baku\'s patron. The admin reads the bid as more modest than ISW\'s "replacing Russia".',
  },
  {
    actorKey: 'erdogan',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 90,
    salience: 90,
    capability: 60,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: WAR_LATE,
    quote: 'leading Erdogan to calculate that he was holding the reins of the conflict and could control its end',
    rationale: 'An Erdogan who thought he could control how the war ended expected a leading role in the settlement: 90.',
  },
  {
    actorKey: 'erdogan',
    issueKey: TROLE,
    sourceKey: ERDOGAN_REMARK,
    analyst: 'admin',
    position: 95,
    salience: 90,
    capability: 60,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_LATE,
    quote: 'has described Ankara\'s support for Azerbaijan as part of Turkey\'s quest for its "deserved place in the world order"',
    rationale:
      "Erdogan puts the Azerbaijan campaign inside a bid for great-power standing, which implies a leading role in the region. Stance date approximate: the remark is undated, but it predates the deal, on which he 'has yet to comment'.",
  },
  {
    actorKey: 'russia',
    issueKey: TROLE,
    sourceKey: LD,
    analyst: 'analyst',
    position: 10,
    salience: 80,
    capability: 85,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_MID,
    quote: 'In doing so, he has thwarted a stronger Turkish presence in a region Moscow views as its backyard.',
    rationale:
      'For Moscow the region is its backyard, and it worked throughout to block a stronger Turkish presence: close to no role (10). The view is long-standing, so it is dated to the war even though it is reported after the deal.',
  },
  {
    actorKey: 'azerbaijan',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 85,
    salience: 70,
    capability: 50,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: WAR_MID,
    quote:
      'Azerbaijan owes its rapid military success in Nagorno-Karabakh to Turkey’s strong backing with arms sales, Syrian proxy deployments, and diplomatic support.',
    rationale:
      'Winning with Turkish backing, Baku wanted its ally at the table and in any peacekeeping: between co-mediator and co-guarantor.',
  },
  {
    actorKey: 'armenia',
    issueKey: TROLE,
    sourceKey: LD,
    analyst: 'analyst',
    position: 0,
    salience: 80,
    capability: 15,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: WAR_MID,
    quote: 'And Turkish President Tayyip Erdogan backed the Azeri offensive militarily and diplomatically and tried to gatecrash mediation efforts.',
    rationale:
      'For Armenia, Turkey is a co-belligerent; Yerevan rejects any Turkish part in mediation or security: 0.',
  },

  // ---- Turkey's role: after the deal -------------------------------------------------------
  {
    actorKey: 'turkey',
    issueKey: TROLE,
    sourceKey: EURASIA,
    analyst: 'analyst',
    position: 50,
    salience: 70,
    capability: 45,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote:
      'His military support for Azerbaijan made a big difference at relatively little cost to Turkey, and it granted Ankara a nationalist win and some leverage with Russia.',
    rationale:
      'Eurasia Group sees Ankara content with a cheap win and some leverage, that is a secondary role (50). Compare ISW, which sees Turkey still pushing for more.',
  },
  {
    actorKey: 'turkey',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 65,
    salience: 80,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'Turkey’s limited gains include a land corridor to connect Turkey to Baku over the autonomous Azerbaijani territory of Nakhichevan',
    rationale:
      'Ankara banks the corridor, but ISW says the gains fall far short of what it expected, so it keeps pressing for a diplomatic role: between secondary (50) and co-mediator (75).',
  },
  {
    actorKey: 'erdogan',
    issueKey: TROLE,
    sourceKey: EURASIA,
    analyst: 'analyst',
    position: 50,
    salience: 75,
    capability: 45,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: DEAL,
    quote: 'Erdogan is likely fine with this.',
    rationale: '"Fine with" a role "clearly secondary to Russia\'s" puts Erdogan at the secondary-role anchor. Eurasia Group\'s own "likely" keeps confidence moderate.',
  },
  {
    actorKey: 'erdogan',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'admin',
    position: 60,
    salience: 80,
    capability: 40,
    confidence: 'MODERATE',
    credibility: 3,
    stanceDate: ISW_PUB,
    quote:
      'He may push for a limited diplomatic role in future resolution processes, but the agreement underscores the asymmetrical nature of the Russia-Turkey relationship.',
    rationale:
      '"He" is Erdogan. Pushing for a limited diplomatic role is more than the secondary role he has, less than co-mediation: 60. Capability low: ISW judges he cannot reverse the setback soon.',
  },
  {
    actorKey: 'russia',
    issueKey: TROLE,
    sourceKey: GABUEV,
    analyst: 'analyst',
    position: 30,
    salience: 80,
    capability: 90,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'There will be no Turkish armed peacekeepers, which is very important for Moscow.',
    rationale:
      "Moscow's red line is Turkish armed peacekeepers. Anything below that, such as unarmed monitoring outside the enclave, it can tolerate: a little above patron-only (25).",
  },
  {
    actorKey: 'russia',
    issueKey: TROLE,
    sourceKey: LD,
    analyst: 'admin',
    position: 20,
    salience: 80,
    capability: 90,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'reaffirmed Russian influence in the region by brokering a deal which excluded Turkey as a signatory',
    rationale:
      'Shutting Turkey out of the text is a deliberate denial of any formal role. The admin places Russia below patron-only, lower than the Gabuev reading because the monitoring centre is outside the signed text.',
  },
  {
    actorKey: 'russia',
    issueKey: TROLE,
    sourceKey: GALEOTTI,
    analyst: 'analyst',
    position: 40,
    salience: 60,
    capability: 75,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: DEAL,
    quote:
      'This is managing decline, a Russia that in regional terms is strong in capacities, weak in will, trying to make the best of a situation, and in the process disappointing its allies and doing nothing to deter its challengers',
    rationale:
      "Galeotti's Russia does nothing to deter its challengers, Turkey above all, so in practice it accommodates a Turkish role: near the secondary-role anchor. Salience lower for \"weak in will\". An opinion piece, so low confidence.",
  },
  {
    actorKey: 'aliyev',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 60,
    salience: 65,
    capability: 50,
    confidence: 'LOW',
    credibility: 3,
    stanceDate: DEAL,
    quote:
      'Aliyev will likely enjoy domestic popularity from his Kremlin-delivered victory, but he now faces new challenges with the first Russian military presence in Azerbaijan in many years and likely damaged relations with Turkey.',
    rationale:
      'Having signed a deal that leaves his ally out, Aliyev still wants more Turkish involvement but owes his victory to the Kremlin: above the secondary role, well below his wartime stance.',
  },
  {
    actorKey: 'armenia',
    issueKey: TROLE,
    sourceKey: TRILATERAL,
    analyst: 'admin',
    position: 15,
    salience: 80,
    capability: 5,
    confidence: 'MODERATE',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Turkey’s limited gains include a land corridor to connect Turkey to Baku over the autonomous Azerbaijani territory of Nakhichevan',
    rationale:
      'By signing, Yerevan accepted a transport link through its territory that ISW counts as a Turkish gain; it still opposes any Turkish role. A little above 0, and only because it was compelled.',
  },
  {
    actorKey: 'putin',
    issueKey: TROLE,
    sourceKey: ISW,
    analyst: 'analyst',
    position: 20,
    salience: 80,
    capability: 90,
    confidence: 'HIGH',
    credibility: 2,
    stanceDate: DEAL,
    quote: 'Putin outmaneuvered Erdogan as Turkey failed to cash in its military success for long-term gains.',
    rationale:
      "Putin's manoeuvre was designed to deny Turkey a lasting role; he leaves it no more than patron-plus (20).",
  },
];

// ---------------------------------------------------------------------------------------------
// Scenarios (on the foreign military presence issue, baseline as of 15 Nov 2020)
// ---------------------------------------------------------------------------------------------

export const demoScenarios: DemoScenario[] = [
  {
    key: 'turkey-doubles-down',
    issueKey: FMP,
    name: 'Turkey doubles down',
    description:
      'Ankara refuses to settle for the monitoring centre outside the enclave and presses, with Baku\'s backing, for Turkish troops inside Nagorno-Karabakh alongside the Russians (position 50), making it a first-order issue (salience 85) and using its leverage in Baku and its foothold at the monitoring centre (capability 60). Assumes Russia and Azerbaijan keep their baseline stances. Resolves HAPPENED if Turkish military personnel deploy inside Nagorno-Karabakh in a peacekeeping role by 10 November 2021.',
    asOf: '2020-11-15',
    overrides: [{ actorKey: 'turkey', position: 50, salience: 85, capability: 60 }],
    estimates: [
      {
        analyst: 'analyst',
        estimatedOn: '2020-11-15',
        likelihood: 'VERY_UNLIKELY',
        probability: 0.1,
        rationale:
          'Russian troops are already deploying under a text that does not mention Turkey, and Eurasia Group reads Erdogan as "likely fine" with a secondary role. ISW\'s "limited diplomatic role" is the most it expects Ankara to push for.',
      },
      {
        analyst: 'admin',
        estimatedOn: '2020-11-15',
        likelihood: 'UNLIKELY',
        probability: 0.25,
        rationale:
          'Unluhisarcikli says Ankara does not need permission to send forces to observe, and it is unclear whether Moscow agreed. Observers could grow into a presence inside the enclave, so the admin keeps this above "very unlikely".',
      },
      {
        analyst: 'analyst',
        estimatedOn: '2020-12-15',
        likelihood: 'VERY_UNLIKELY',
        probability: 0.07,
        rationale: 'A month on, the only Turkish military role in view is at the monitoring centre outside the enclave, and Baku has not asked for more.',
      },
      {
        analyst: 'admin',
        estimatedOn: '2021-02-01',
        likelihood: 'VERY_UNLIKELY',
        probability: 0.12,
        rationale: 'Revised down. The monitoring arrangement is settling outside the enclave and Ankara is not contesting it in public.',
      },
    ],
  },
  {
    key: 'russia-distracted',
    issueKey: FMP,
    name: 'Russia distracted',
    description:
      'Moscow\'s attention and resources are pulled elsewhere (Galeotti: "strong in capacities, weak in will"), so the Karabakh mission matters far less to it (salience 40, capability 75) while other actors keep their baseline stances. Resolves HAPPENED if, before the first renewal date of the five-year mandate (November 2025), Russia withdraws its peacekeepers early or accepts non-Russian peacekeepers inside the enclave.',
    asOf: '2020-11-15',
    overrides: [{ actorKey: 'russia', salience: 40, capability: 75 }],
    estimates: [
      {
        analyst: 'analyst',
        estimatedOn: '2020-11-15',
        likelihood: 'UNLIKELY',
        probability: 0.25,
        rationale:
          'Moscow has just achieved a "more than two decades" goal and Gabuev calls it perhaps the best outcome it could get. But five years is long, and Galeotti\'s "managing decline" argues it will not defend the position at any cost.',
      },
      {
        analyst: 'admin',
        estimatedOn: '2020-11-20',
        likelihood: 'UNLIKELY',
        probability: 0.35,
        rationale: 'Galeotti\'s reading weighs more with the admin. A Russia "weak in will" that disappoints its allies may not sustain a contingent it does not need once its gains are banked.',
      },
      {
        analyst: 'analyst',
        estimatedOn: '2021-01-15',
        likelihood: 'UNLIKELY',
        probability: 0.3,
        rationale: 'Nudged up. Nothing yet suggests withdrawal, but the mandate depends on both parties, and the analyst gives more weight to Baku\'s discomfort with Russian troops (ISW).',
      },
    ],
  },
  {
    key: 'baku-sides-with-ankara',
    issueKey: FMP,
    name: 'Baku sides with Ankara',
    description:
      'Aliyev, uneasy about "the first Russian military presence in Azerbaijan in many years" (ISW), joins Turkey in pressing for a joint Russian-Turkish force: Azerbaijan moves to 50 with salience 80, and Turkey to 50. Resolves HAPPENED if Azerbaijan formally requests Turkish peacekeepers inside Nagorno-Karabakh by 10 November 2021.',
    asOf: '2020-11-15',
    overrides: [
      { actorKey: 'azerbaijan', position: 50, salience: 80 },
      { actorKey: 'turkey', position: 50 },
    ],
    estimates: [
      {
        analyst: 'analyst',
        estimatedOn: '2020-11-15',
        likelihood: 'VERY_UNLIKELY',
        probability: 0.12,
        rationale:
          'Aliyev owes his victory to the Kremlin and has just signed for Russian-only peacekeeping. Reopening it would put at risk the withdrawals still due by 1 December.',
      },
      {
        analyst: 'admin',
        estimatedOn: '2020-11-20',
        likelihood: 'UNLIKELY',
        probability: 0.22,
        rationale:
          'Unluhisarcikli counts the Russian presence as a negative for Azerbaijan too. Once the districts are back in hand, Baku will have less reason to defer to Moscow.',
      },
    ],
  },
];

// ---------------------------------------------------------------------------------------------
// Events: drawn on every timeline in range (the whole workspace: every issue)
// ---------------------------------------------------------------------------------------------

export const demoEvents: DemoEvent[] = [
  {
    occurredOn: '2020-09-27',
    title: 'War begins',
    description: 'Azerbaijan launches an offensive along the line of contact; six weeks of fighting follow.',
    issueKeys: [],
  },
  {
    occurredOn: '2020-11-09',
    title: 'Trilateral statement',
    description:
      'Russia, Azerbaijan and Armenia sign the statement ending the war (announced in the night of 9 to 10 November): Russian peacekeepers deploy, Azerbaijan keeps its gains and regains the remaining districts.',
    issueKeys: [],
    sourceKey: ISW,
  },
];
