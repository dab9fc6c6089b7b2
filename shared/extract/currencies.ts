// Currency signs and words as shops print them, mapped to ISO 4217 where the sign is not
// ambiguous on its own. Data, not logic: the price parser tries the longest sign first.

/**
 * [sign as printed, ISO code or null when the sign alone cannot tell], written `sign=ISO` (or the
 * sign alone) and separated by `|`: a string is a fraction of the size of a literal table in the
 * content script, which every shop page loads.
 */
export const CURRENCY_SIGNS: readonly (readonly [string, string | null])[] =
  // Dollar variants: the prefix tells the country.
  (
    'US$=USD|US $=USD|AU$=AUD|AU $=AUD|A$=AUD|CA$=CAD|CAD$=CAD|CAN$=CAD|C$=CAD|NZ$=NZD|NT$=TWD|' +
    'HK$=HKD|S$=SGD|R$=BRL|MX$=MXN|RD$=DOP|J$=JMD|TT$=TTD|BZ$=BZD|CUC$=CUC|MOP$=MOP|GY$=GYD|' +
    'G$=GYD|T$=TOP|Z$=ZWL|$U=UYU|$b=BOB|$|' +
    // Single signs.
    '€=EUR|£=GBP|￡=GBP|₤=GBP|E£=EGP|¥|￥|円=JPY|元|人民币=CNY|圆=CNY|圓=TWD|₹=INR|रु=NPR|र=INR|' +
    'рублей=RUB|₽=RUB|₩=KRW|원=KRW|₪=ILS|ש״ח=ILS|ש"ח=ILS|ש\'ח=ILS|₫=VND|VNĐ=VND|đ=VND|₺=TRY|₴=UAH|' +
    '₦=NGN|₱=PHP|₡=CRC|₭=LAK|₮=MNT|₼=AZN|֏=AMD|৳=BDT|៛=KHR|GH₵=GHS|₵=GHS|R₣=RWF|₣|₿=BTC|Ƀ=BTC|﷼|' +
    '؋=AFN|ƒ|₨|₶|฿=THB|บาท=THB|ლ=GEL|ლარი=GEL|' +
    // Letters and abbreviations (matched only as whole words).
    'Kč=CZK|zł=PLN|zl=PLN|Ft=HUF|lei=RON|лв.=BGN|лв=BGN|руб.=RUB|руб=RUB|р.=RUB|Р=RUB|грн.=UAH|' +
    'грн=UAH|hrn=UAH|ден=MKD|Дин=RSD|дин=RSD|Dinara=RSD|din=RSD|км=BAM|KM=BAM|тг=KZT|с|Rp=IDR|' +
    'RM=MYR|Rs|Re|TL=TRY|CHF=CHF|SFr=CHF|Fr.=CHF|KD=KWD|BD=BHD|LD=LYD|DT=TND|Dhs=AED|Dh=AED|Br|' +
    'kn=HRK|kr|Lek=ALL|Nu.=BTN|Nu=BTN|FBu=BIF|FCFA=XAF|CFA|KMF=KMF|Fdj=DJF|Nfk=ERN|MK=MWK|' +
    'Rf=MVR|UM=MRU|B/.=PAB|S/.=PEN|S/=PEN|Db=STN|TSh=TZS|KShs=KES|KSh=KES|USh=UGX|VT=VUV|Bs|' +
    "ZK=ZMW|FG=GNF|GFr=GNF|FRw=RWF|RF=RWF|Ks=MMK|Ar=MGA|MT=MZN|Esc=CVE|Rbl=RUB|so'm=UZS|som|" +
    "Sʻ=UZS|S'=UZS|stg=GBP|GBp=GBP|nis=ILS|lari=GEL|kwz=AOA|yen=JPY|yuan=CNY|euro=EUR|euros=EUR|" +
    'pound=GBP|francs|franc|tomans=IRR|تومان=IRR|ریال=IRR|ريال|درهم|دينار|جنيه=EGP|L.E.=EGP|' +
    'LE=EGP|ج.م=EGP|ر.س=SAR|ر.ع=OMR|ر.ق=QAR|ر.ي=YER|د.إ=AED|د.ك=KWD|د.ت=TND|د.ج=DZD|د.م=MAD|' +
    'د.ع=IQD|د.ل=LYD|د.أ=JOD|د.ا=JOD|.د.ب=BHD|دج=DZD|ع.د=IQD|ل.د=LYD|ل.س=SYP|ل.ل=LBP|ج.س.=SDG|' +
    'ج.س=SDG|ش.ج=ILS|ش.ص=ILS|ரூ=LKR|රු=LKR|ብር=ETB|ናቕፋ=ERN|نافكا=ERN'
  )
    .split('|')
    .map((entry) => {
      const [sign = '', iso] = entry.split('=');
      return [sign, iso ?? null];
    });

/** Legacy or unofficial codes that shops still print, mapped to today's code. */
export const CODE_ALIASES: Readonly<Record<string, string>> = { RUR: 'RUB', RMB: 'CNY', BYR: 'BYN', CND: 'CAD' };

/**
 * The currency a country's shops price in, for signs such as `$` and `kr` that need context: the euro
 * countries, and the countries whose currency's code starts with their own (USD for US).
 */
export const COUNTRY_CURRENCY: Readonly<Record<string, string>> = Object.fromEntries([
  ...'IE DE AT FR IT ES NL BE FI PT GR SK LU'.split(' ').map((country) => [country, 'EUR']),
  ...(
    'USD CAD AUD NZD MXN SGD HKD TWD GBP CHF SEK NOK DKK PLN CZK RON HUF JPY CNY INR BRL TRY AED SAR EGP RUB ' +
    'KRW CLP COP ARS UYU PEN ZAR NGN KES MAD ILS UAH IDR MYR THB VND PHP PKR BDT QAR KWD BGN'
  )
    .split(' ')
    .map((currency) => [currency.slice(0, 2), currency]),
]);

/**
 * ISO 4217 codes that shops print as text (and a few legacy codes they still print): every code a
 * sign or a country above stands for, and these others.
 */
export const ISO_CODES: ReadonlySet<string> = new Set([
  ...CURRENCY_SIGNS.flatMap(([, iso]) => iso ?? []),
  ...Object.values(COUNTRY_CURRENCY),
  ...'RMB ISK RUR BYN BYR PYG VES XOF MUR SCR GTQ HNL NIO SVC PTE DEM FRF ITL ESP NLG BEF ATS IEP FIM GRD SPL'.split(
    ' ',
  ),
]);
