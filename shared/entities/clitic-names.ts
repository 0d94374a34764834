// Names that begin with a letter which is also a proclitic (و ف ب ك ل), so snapping must keep it:
// وليد is not و + ليد. Folded with nameKey. Only names the default rules would otherwise cut
// matter here (a lone و before three letters, or a remainder that happens to be a word); the
// project glossary and the report's entities extend this list at run time (SnapOptions.known).
import { nameKey } from '../text/normalize.ts';

const NAMES = [
  // و
  'وليد', 'وائل', 'وديع', 'وسام', 'وفاء', 'وهران', 'ويلز', 'وزيرستان', 'ويكيليكس', 'وارسو', 'ووهان', 'ويلسون',
  'وهبي', 'ولي', 'وجدي', 'ويندوز', 'واتساب', 'وردة', 'وزارة', 'وكالة', 'ولاية', 'وحدات',
  // ف / ب / ك / ل, where the rest is itself a common word
  'فلسطين', 'فرنسا', 'فنلندا', 'فيصل', 'فؤاد', 'فارس', 'بغداد', 'بيروت', 'بريطانيا', 'بلجيكا', 'بولندا', 'باكستان',
  'برلين', 'بكين', 'باريس', 'بوتين', 'بايدن', 'بشار', 'كندا', 'كوبا', 'كوريا', 'كابول', 'كركوك', 'كييف', 'لبنان',
  'ليبيا', 'لندن', 'لاهاي', 'لافروف',
  // clitic + article look-alikes (ك + اليفورنيا, ف + النسيا, ب + التيمور)
  'كاليفورنيا', 'كالينينغراد', 'كاليدونيا', 'كالياري', 'كالكوتا', 'فالنسيا', 'فالنتين', 'فالنتينو', 'فاليتا',
  'بالتيمور', 'باليرمو', 'بالي', 'بالميرا', 'والاس', 'والتر', 'والونيا', 'لالا',
  // clitic + function-word look-alikes (ك + وفي, ك + وما)
  'كوفي', 'كوما', 'كولن', 'بوما', 'لوما', 'بطولة',
];

/** The folded names. */
export const CLITIC_NAMES: ReadonlySet<string> = new Set(NAMES.map((n) => nameKey(n)));
