/** picture-credit: credits told by a label and a name, or by names joined by a slash in parentheses, on flattened pages. */
import { describe, expect, it } from 'vitest';
import { cleanChecked, removedBy } from './helpers.ts';

describe('picture-credit', () => {
  it('takes a caption glued between a byline date and the dateline, with its labelled credit', () => {
    const page =
      'Harbor ferry returns after repairsbyMara QuillApr. 3, 2024Mara Quill, the ferry captain, stands on the deck of the Gull at the east pier. Photo via Larkspur Maritime ArchiveEAST PIER — The ferry that links the two islands sailed again on Wednesday after four months in dry dock.';
    const r = cleanChecked(page);
    expect(removedBy(r, 'picture-credit')).toEqual(['Mara Quill, the ferry captain, stands on the deck of the Gull at the east pier. Photo via Larkspur Maritime Archive']);
    expect(r.text).toContain('EAST PIER — The ferry that links the two islands sailed again on Wednesday');
  });

  it('takes a credit glued to the next block, ending the name where a capital follows with no blank', () => {
    const r = cleanChecked('The council met on Tuesday to vote on the budget.Photo: Tomas Verheul/Northside Press via Pinegate ImagesMembers argued for three hours before the vote.');
    expect(removedBy(r, 'picture-credit')).toEqual(['Photo: Tomas Verheul/Northside Press via Pinegate Images']);
    // the paragraph glued to the credit right after its full stop is the story's: only the credit goes
    expect(r.text).toContain('The council met on Tuesday to vote on the budget.');
    expect(r.text).toContain('Members argued for three hours before the vote.');
  });

  it('takes a caption with no stop that runs into its label, and a chain of labels', () => {
    const r = cleanChecked('Updated 4:10pmA baker lifts loaves from the oven at the Millrow bakeryCredit: Photo: WNAZara Ilves opened the shop in 1998.');
    expect(removedBy(r, 'picture-credit')).toEqual(['A baker lifts loaves from the oven at the Millrow bakeryCredit: Photo: WNA']);
    expect(r.text).toContain('Zara Ilves opened the shop in 1998.');
  });

  it('takes a parenthesised credit of a photographer and a paper joined by a slash, and its caption', () => {
    const r = cleanChecked('Storm closes coastal roadsThe mayor speaks during a briefing at city hall on Monday. (Dana Moss / Harbor Chronicle)ByLiam ToftHeavy rain closed three roads.');
    expect(removedBy(r, 'picture-credit')).toEqual(['The mayor speaks during a briefing at city hall on Monday. (Dana Moss / Harbor Chronicle)']);
  });

  it('keeps a paragraph that ends right before a credit standing alone in parentheses', () => {
    const text = 'Wind output rose by a third last year.Solar kept pace with it, and grid operators say storage must follow soon.(Credit: Ines Vray / Gridwatch)Advertisement:Coal fell again.';
    const r = cleanChecked(text);
    expect(removedBy(r, 'picture-credit')).toEqual(['(Credit: Ines Vray / Gridwatch)']);
    expect(r.text).toContain('Solar kept pace with it, and grid operators say storage must follow soon.');
  });

  it('keeps a story sentence that ends in a parenthesised agency, and a numbered list item', () => {
    const agency = 'Prices slipped. The regulator said on Tuesday it would review the listing rules under a new standard (Bloomberg). Analysts expect approvals.';
    expect(cleanChecked(agency).text).toBe(agency);
    const list = 'Three habits help. 1) Keep a stop. 2) Take profits early. 3) Size positions so one loss stays small (Reuters/Ipsos poll data agree).';
    expect(removedBy(cleanChecked(list), 'picture-credit')).toEqual([]);
  });

  it('keeps a label word that opens a sentence or a title', () => {
    const prose = 'Photo: Smith said the picture was taken in May. The Bigger Picture: Wealth, Risk and Time. Courtesy of the bank, the loan was extended.';
    expect(removedBy(cleanChecked(prose), 'picture-credit')).toEqual([]);
  });

  it('keeps a slash between codes or a poll name, which names no photographer', () => {
    const codes = 'The pair (BTC/USD) rose, and voters in the region (IL/MO) were polled (Ipsos/Reuters).';
    expect(removedBy(cleanChecked(codes), 'picture-credit')).toEqual([]);
  });

  it('takes a credit set off by a bar, a "Photograph:" label, and a parenthesised credit whose name is glued camel case', () => {
    const bar = cleanChecked('Senators left early.Sen. Ana Ruiz at the capitol in May. | Tomas Verheul/Northside PressThe vote was delayed again.');
    expect(removedBy(bar, 'picture-credit')).toEqual(['| Tomas Verheul/Northside Press']);
    expect(bar.text).toContain('Sen. Ana Ruiz at the capitol in May.');
    const photograph = cleanChecked('Share via EmailNurses on a picket line outside the Elm Street clinic last year. Photograph: Jo Brandt/Kestrel ImagesNurses at four clinics walked out on Monday.');
    expect(removedBy(photograph, 'picture-credit')).toEqual(['Nurses on a picket line outside the Elm Street clinic last year. Photograph: Jo Brandt/Kestrel Images']);
    const camel = cleanChecked('Each turn begins with a newspaper headline.(Image credit: PaperLantern)The choices grow harder.');
    expect(removedBy(camel, 'picture-credit')).toEqual(['(Image credit: PaperLantern)']);
  });

  it("takes a wire agency glued onto a gallery caption's last word, but not the standfirst before an agency's byline", () => {
    const gallery = cleanChecked('Cafes reopen across the region1/12Diners sit apart on a terrace in the old town of Lisbon, PortugalReutersA waiter wipes a table at a bar in VeronaAFP via Getty Images');
    expect(removedBy(gallery, 'picture-credit')).toContain('Reuters');
    expect(gallery.text).not.toContain('AFP via Getty Images');
    const standfirst = cleanChecked('Mill town plans a solar farmThe council will spend $4 million over two years on panels for the old mill siteReutersUpdated: March 2, 2024The town voted on Monday.');
    expect(standfirst.text).toContain('The council will spend $4 million over two years on panels for the old mill site');
  });

  it("takes a picture viewer's own words and a gallery's glued counter, not a date or a score", () => {
    const r = cleanChecked('Harbor festival in picturesPHOTOSClick to enlargeBoats in the bay at dusk3/14Boats in the bay at duskImage 4 of 14');
    expect(removedBy(r, 'picture-credit')).toEqual(['Click to enlarge', '3/14', 'Image 4 of 14']);
    const prose = 'The vote on 3/14 passed 12/9 in committee, and the team won 5/3 at home.';
    expect(removedBy(cleanChecked(prose), 'picture-credit')).toEqual([]);
  });
  it('ends a credit before a glued word that opens in lower case when that word stands alone elsewhere in the text', () => {
    const r = cleanChecked('Notes app gets offline modePhoto by Lena Brandt / The LanterneDesk 4 adds offline notes for every user. The eDesk update reaches phones this week.');
    expect(removedBy(r, 'picture-credit')).toEqual(['Photo by Lena Brandt / The Lantern']);
    expect(r.text).toContain('eDesk 4 adds offline notes for every user.');
  });

  it('keeps the last letters of a credited name when they and the glued block make no word of the text', () => {
    const r = cleanChecked('Rates were left unchanged.Photo: Tomas Verheul via Pinegate ImagesUS banks rallied after the decision, and US bonds held steady.');
    expect(removedBy(r, 'picture-credit')).toEqual(['Photo: Tomas Verheul via Pinegate Images']);
    expect(r.text).toContain('US banks rallied after the decision');
  });
});
