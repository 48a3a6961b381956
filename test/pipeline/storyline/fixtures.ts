/**
 * Invented stories for the storyline tests (no real article text): one matter told as three happenings days apart
 * (an exploit, its refund plan, an arrest), a look-alike that shares only one actor, and an unrelated story.
 */
import type { StoryInput } from '../../../src/pipeline/cluster/place-story.ts';
import { at } from '../cluster/fixtures.ts';

const DAY_MINUTES = 24 * 60;

export const EXPLOIT_A: StoryInput = {
  id: 'exploit-a',
  title: 'Quillstone bridge drained of $31 million in Tidewell exploit',
  text: 'Attackers drained about $31 million from the Quillstone bridge on Monday by forging withdrawal proofs, the Tidewell network said. The bridge was paused within an hour. Founder Mira Okafor said user deposits on the main chain were safe and that the team was working with the security firm Brackenhall to trace the funds.',
  coins: ['ETH'],
  kind: 'news',
  publishedAt: at(600),
  sourceId: 'ledgerwire',
};

export const EXPLOIT_B: StoryInput = {
  id: 'exploit-b',
  title: 'Hackers steal $31M from Quillstone, the Tidewell bridge',
  text: 'The Quillstone bridge that links Tidewell to Ethereum lost roughly $31 million on Monday after an attacker submitted forged withdrawal proofs. Tidewell founder Mira Okafor told users their main-chain deposits were untouched. Brackenhall, a blockchain security firm, is tracing the stolen ether.',
  coins: ['ETH'],
  kind: 'news',
  publishedAt: at(650),
  sourceId: 'coinherald',
};

/** Three days later: a new development of the same matter (a different event under the gold rules). */
export const REFUND_PLAN: StoryInput = {
  id: 'refund-plan',
  title: 'Tidewell proposes to repay Quillstone victims from its treasury over twelve months',
  text: 'Tidewell published a governance proposal on Thursday to repay users who lost funds in the Quillstone bridge exploit, using 40% of its treasury and monthly instalments over a year. Founder Mira Okafor said the vote opens next week. Token holders on the forum asked whether the plan leaves enough to fund development.',
  coins: [],
  kind: 'news',
  publishedAt: at(600 + 3 * DAY_MINUTES),
  sourceId: 'policyblock',
};

/** Ten days later: an arrest in the same case. */
export const ARREST: StoryInput = {
  id: 'arrest',
  title: 'Police in Lisbon detain suspect in Quillstone bridge hack, Tidewell says',
  text: 'Portuguese police detained a 27-year-old man in Lisbon on suspicion of carrying out the Quillstone bridge attack, Tidewell said on Friday, crediting on-chain tracing by Brackenhall. Okafor said about a third of the stolen funds had been frozen at two exchanges.',
  coins: [],
  kind: 'news',
  publishedAt: at(600 + 10 * DAY_MINUTES),
  sourceId: 'chainpulse',
};

/** The same founder, a different matter: one shared actor is a topic, not a storyline. */
export const SAME_FOUNDER_OTHER_MATTER: StoryInput = {
  id: 'founder-talk',
  title: 'Mira Okafor says rollups will outgrow bridges within two years',
  text: 'Speaking at a developer conference in Nairobi, Okafor argued that shared sequencing will make most token bridges unnecessary by 2028. She said the industry should standardise message formats before chasing speed.',
  coins: [],
  kind: 'opinion',
  publishedAt: at(600 + 2 * DAY_MINUTES),
  sourceId: 'mintreport',
};

/** An advertorial using the exploit as its hook (gold rule 7): it links nothing. */
export const HOOK_AD: StoryInput = {
  id: 'hook-ad',
  title: 'After the Quillstone hack, Tidewell users turn to the Vaultra presale',
  text: 'The Quillstone bridge exploit at Tidewell shook confidence, founder Mira Okafor admitted, and buyers are moving to Vaultra, whose presale has raised $2 million. Buy VLT now before the next price stage.',
  coins: [],
  kind: 'sponsored',
  publishedAt: at(600 + 1 * DAY_MINUTES),
  sourceId: 'promowire',
};

/** Three weeks later, past the window: the matter is not linked across it. */
export const LATE_ARREST: StoryInput = { ...ARREST, id: 'late-arrest', sourceId: 'tapewatch', publishedAt: at(600 + 40 * DAY_MINUTES) };

/** Another matter the same week: an exchange halts withdrawals, then its chief executive resigns. */
export const HALT: StoryInput = {
  id: 'halt',
  title: 'Exchange Marrowgate halts withdrawals as Fennick Capital pulls $90 million',
  text: 'Marrowgate paused customer withdrawals on Tuesday after its market maker Fennick Capital withdrew $90 million of liquidity, the exchange said. Chief executive Dalia Venn said the halt would last at least 48 hours while auditors reviewed reserves.',
  coins: [],
  kind: 'news',
  publishedAt: at(600 + 4 * DAY_MINUTES),
  sourceId: 'listingsdaily',
};

export const RESIGNATION: StoryInput = {
  id: 'resignation',
  title: 'Marrowgate chief Dalia Venn resigns after Fennick Capital withdrawal freeze',
  text: 'Dalia Venn stepped down as chief executive of Marrowgate on Saturday, days after the exchange froze withdrawals when Fennick Capital pulled $90 million. The board named finance chief Oren Malouf as interim head and said withdrawals would resume on Monday.',
  coins: [],
  kind: 'news',
  publishedAt: at(600 + 6 * DAY_MINUTES),
  sourceId: 'hashdesk',
};
