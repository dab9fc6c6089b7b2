// The product taxonomy: about 150 categories of what people buy online (modelled on Google's
// product taxonomy), each with the words that name it in English, German and Chinese and the
// factors it uses. Typical weights are our assumptions and are marked as such wherever used.

/** Where a category's per-kg factor comes from: a food table, a DESNZ material, or a named food selection. */
export type PerKgRef =
  | { table: 'agribalyse'; key: string }
  | { table: 'poore'; key: string }
  | { table: 'desnz'; key: string }
  | { table: 'food-named'; key: string };

export interface CategoryFactors {
  /** 2017 NAICS commodity whose EPA supply-chain factor applies to the price. */
  naics: string;
  /** Per-kg factor for material-dominated goods and food. */
  perKg?: PerKgRef;
  /** Typical weight of one item, kg (our assumption, used only when the page gives none). */
  typicalKg: number;
  /** ADEME Impact CO2 typical item (making, use per year, years). */
  item?: string;
  /** Boavizta device type whose published footprints describe this category. */
  device?: string;
  /** True when the product uses electricity, so use-phase energy applies. */
  electric?: boolean;
  /**
   * Kinds within the category that title words name, each with its own typical weight (our
   * assumption): a mouse weighs a seventh of a keyboard. The first kind whose words the title
   * holds sets the typical weight; `noProcessor` overrides the category's for that kind.
   */
  kinds?: readonly { words: readonly string[]; typicalKg: number; noProcessor?: boolean }[];
  /**
   * Electronics without a processor (keyboards, mice, game controllers): their footprint lies
   * between a material factor × weight and what computing devices of that weight report.
   */
  noProcessor?: boolean;
  /**
   * Its footprint is the item's, not its mass (software, games, films on a disc or stick): a page
   * weight below the typical weight does not make it smaller.
   */
  perItem?: boolean;
}

export interface Category extends CategoryFactors {
  id: string;
  label: string;
  group: Group;
  /** Words in English and German (whole words; German compounds match on their last part). */
  words: string[];
  /** Chinese words (matched as substrings). */
  zh: string[];
}

export type Group =
  | 'electronics'
  | 'large-appliances'
  | 'small-appliances'
  | 'clothing'
  | 'shoes'
  | 'accessories'
  | 'furniture'
  | 'home-garden'
  | 'food-drink'
  | 'beauty-health'
  | 'toys-baby'
  | 'books-media-office'
  | 'sports'
  | 'pet'
  | 'automotive'
  | 'unknown';

const c = (
  id: string,
  label: string,
  group: Group,
  words: string,
  zh: string,
  factors: Partial<CategoryFactors> & { naics: string; typicalKg: number },
): Category => ({
  id,
  label,
  group,
  words: words
    .split('|')
    .map((w) => w.trim())
    .filter(Boolean),
  zh: zh.split(' ').filter(Boolean),
  ...factors,
});

const agb = (key: string): PerKgRef => ({ table: 'agribalyse', key });
const pn = (key: string): PerKgRef => ({ table: 'poore', key });
const mat = (key: string): PerKgRef => ({ table: 'desnz', key });
const named = (key: string): PerKgRef => ({ table: 'food-named', key });

// Order matters only to break ties between equally specific matches: narrower categories first.
export const CATEGORIES: readonly Category[] = [
  // Electronics
  c(
    'laptops',
    'Laptops',
    'electronics',
    'laptop|notebook computer|macbook|chromebook|ultrabook|thinkpad|notebook pc|mobile workstation|latitude|elitebook|probook|zbook|ideapad|yoga slim|surface laptop|xps 13|xps 15|precision 55|precision 75|laptop computer|notebooks|laptops',
    '笔记本电脑 手提电脑 笔记本',
    { naics: '334111', device: 'laptop', item: 'ordinateurportable', typicalKg: 1.7, electric: true },
  ),
  c(
    'tablets',
    'Tablets',
    'electronics',
    'tablet|ipad|galaxy tab|surface pro|surface go|tablet pc|tablets',
    '平板电脑 平板',
    { naics: '334111', device: 'tablet', item: 'tabletteclassique', typicalKg: 0.5, electric: true },
  ),
  c(
    'desktops',
    'Desktop computers',
    'electronics',
    'desktop|desktop pc|desktop computer|all-in-one pc|all in one|imac|mac mini|mac pro|mac studio|optiplex|thinkcentre|elitedesk|prodesk|workstation|tower pc|mini pc|thin client|computer|rechner|desktop-pc|pc',
    '台式电脑 台式机 一体机 电脑主机 电脑',
    { naics: '334111', device: 'desktop', item: 'ordinateurfixeparticulier', typicalKg: 8, electric: true },
  ),
  c(
    'monitors',
    'Computer monitors',
    'electronics',
    'monitor|computer monitor|display|bildschirm|flachbildschirm|p2422h|thinkvision|ultrasharp',
    '显示器 电脑显示屏 显示屏',
    { naics: '334118', device: 'monitor', item: 'ecran', typicalKg: 5, electric: true },
  ),
  c(
    'smartphones',
    'Smartphones',
    'electronics',
    'smartphone|iphone|galaxy|galaxy s|galaxy a|pixel|mobile phone|cell phone|cellphone|handy|mobiltelefon|fairphone|phone',
    '智能手机 手机',
    { naics: '334220', device: 'phone', item: 'smartphone', typicalKg: 0.2, electric: true },
  ),
  c(
    'basic-phones',
    'Basic phones',
    'electronics',
    'feature phone|senior phone|seniorenhandy|landline|cordless phone|schnurlostelefon',
    '老人机 座机',
    { naics: '334210', item: 'telephonebasique', typicalKg: 0.15, electric: true },
  ),
  c(
    'printers',
    'Printers and scanners',
    'electronics',
    'printer|laser printer|inkjet|scanner|drucker|laserdrucker|tintenstrahldrucker|multifunktionsdrucker|all-in-one printer',
    '打印机 扫描仪',
    { naics: '334118', device: 'printer', typicalKg: 8, perKg: mat('Electrical items - IT'), electric: true },
  ),
  c(
    'ink-toner',
    'Printer ink and toner',
    'electronics',
    'toner|toner cartridge|ink cartridge|druckerpatrone|tintenpatrone|printer ink',
    '墨盒 硒鼓 碳粉',
    { naics: '325910', typicalKg: 1, perKg: mat('average plastic rigid') },
  ),
  c(
    'keyboards-mice',
    'Keyboards and mice',
    'electronics',
    'keyboard|mouse|tastatur|maus|trackpad|gaming mouse',
    '键盘 鼠标',
    {
      naics: '334118',
      typicalKg: 0.5,
      perKg: mat('Electrical items - IT'),
      electric: true,
      noProcessor: true,
      kinds: [
        // A keyboard-and-mouse set weighs what its keyboard does: keyboards first.
        { words: ['keyboard', 'tastatur', '键盘'], typicalKg: 0.7 },
        { words: ['mouse', 'mice', 'maus', 'trackball', 'trackpad', '鼠标'], typicalKg: 0.1 },
      ],
    },
  ),
  c(
    'computer-components',
    'Computer components',
    'electronics',
    'graphics card|gpu|cpu|processor|motherboard|mainboard|ram|memory module|grafikkarte|prozessor|arbeitsspeicher|power supply unit|dvd drive|cd-rom drive|optical drive|laufwerk',
    '显卡 处理器 主板 内存条 光驱',
    {
      naics: '334413',
      typicalKg: 0.5,
      perKg: mat('Electrical items - IT'),
      electric: true,
      kinds: [
        { words: ['graphics card', 'gpu', 'grafikkarte', '显卡'], typicalKg: 1 },
        { words: ['power supply unit', 'netzteil', '电源'], typicalKg: 1.5 },
        { words: ['motherboard', 'mainboard', '主板'], typicalKg: 0.9 },
        { words: ['ram', 'memory module', 'arbeitsspeicher', '内存条'], typicalKg: 0.03 },
        { words: ['cpu', 'processor', 'prozessor', '处理器'], typicalKg: 0.05 },
      ],
    },
  ),
  c(
    'storage-drives',
    'Hard drives and SSDs',
    'electronics',
    'hard drive|external hard drive|ssd|hdd|festplatte|nvme|solid state drive',
    '硬盘 固态硬盘 移动硬盘',
    { naics: '334112', item: 'disquedur', typicalKg: 0.2, electric: true },
  ),
  c(
    'usb-sticks',
    'USB sticks and memory cards',
    'electronics',
    'usb stick|usb flash drive|flash drive|memory card|sd card|microsd|speicherkarte|usb-stick',
    'U盘 内存卡 存储卡',
    { naics: '334112', item: 'clefusb', typicalKg: 0.02 },
  ),
  c(
    'networking',
    'Routers and networking',
    'electronics',
    'router|wifi router|mesh wifi|modem|switch|access point|home gateway|gateway|repeater|fritzbox|fritz!box|netzwerk',
    '路由器 交换机 光猫',
    { naics: '334210', device: 'router', item: 'box', typicalKg: 0.6, electric: true },
  ),
  c(
    'smart-home',
    'Smart home devices',
    'electronics',
    'smart speaker|echo dot|nest hub|smart display|smart plug|smart thermostat|thermostat|doorbell|video doorbell|security camera|smart home|nest|alexa|google home',
    '智能音箱 智能家居 门铃 摄像头',
    { naics: '334290', device: 'smart-home', typicalKg: 0.4, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'streaming-devices',
    'Streaming devices',
    'electronics',
    'chromecast|fire tv stick|apple tv|streaming stick|streaming device|roku|media player',
    '电视盒子',
    { naics: '334310', device: 'streaming', typicalKg: 0.2, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'game-consoles',
    'Game consoles',
    'electronics',
    'playstation|ps5|ps4|xbox|nintendo switch|game console|console|game controller|controller|spielkonsole|konsole',
    '游戏机',
    {
      naics: '334310',
      device: 'console',
      typicalKg: 3.5,
      perKg: mat('Electrical items - IT'),
      electric: true,
      kinds: [
        {
          words: ['controller', 'game controller', 'gamepad', 'joystick', 'joy-con', '手柄'],
          typicalKg: 0.25,
          noProcessor: true,
        },
      ],
    },
  ),
  c(
    'video-games',
    'Video games and software',
    'electronics',
    'video game|videospiel|software|antivirus|office 365|licence key|software suite|boxed software',
    '游戏光盘 软件',
    { naics: '511210', typicalKg: 0.1, perKg: mat('average plastics'), perItem: true },
  ),
  c(
    'televisions',
    'Televisions',
    'electronics',
    'tv|television|smart tv|oled tv|qled|fernseher|fernsehgerät|led tv|4k tv',
    '电视机 电视 智能电视',
    { naics: '334310', item: 'television', typicalKg: 15, electric: true },
  ),
  c(
    'headphones',
    'Headphones and earbuds',
    'electronics',
    'headphones|headphone|earbuds|earphones|headset|airpods|kopfhörer|in-ear|over-ear',
    '耳机',
    {
      naics: '334310',
      typicalKg: 0.25,
      perKg: mat('Electrical items - small'),
      electric: true,
      kinds: [
        { words: ['earbuds', 'earphones', 'in-ear', 'airpods', 'ohrhörer', '耳塞', '入耳式'], typicalKg: 0.05 },
        { words: ['over-ear', 'over ear', 'studio headphones', '头戴式'], typicalKg: 0.3 },
      ],
    },
  ),
  c(
    'speakers',
    'Speakers and audio',
    'electronics',
    'speaker|bluetooth speaker|soundbar|lautsprecher|stereo|amplifier|verstärker|hifi|turntable|plattenspieler',
    '音箱 音响 蓝牙音箱',
    { naics: '334310', item: 'enceintebluetooth', typicalKg: 1, electric: true },
  ),
  c(
    'cameras',
    'Cameras',
    'electronics',
    'camera|digital camera|dslr|mirrorless|camcorder|kamera|digitalkamera|spiegelreflexkamera|action cam|gopro|powershot|eos',
    '相机 数码相机 单反',
    {
      naics: '333316',
      typicalKg: 0.7,
      perKg: mat('Electrical items - small'),
      electric: true,
      kinds: [
        { words: ['action cam', 'action camera', 'gopro', '运动相机'], typicalKg: 0.15 },
        { words: ['dslr', 'mirrorless', 'spiegelreflexkamera', 'systemkamera', '单反', '微单'], typicalKg: 0.8 },
        { words: ['compact camera', 'kompaktkamera', 'powershot', '卡片机'], typicalKg: 0.3 },
      ],
    },
  ),
  c(
    'wearables',
    'Smartwatches and fitness trackers',
    'electronics',
    'smartwatch|smart watch|fitness tracker|apple watch|galaxy watch|fitbit|garmin',
    '智能手表 手环',
    { naics: '334220', device: 'smart-home', typicalKg: 0.05, perKg: mat('Electrical items - IT'), electric: true },
  ),
  c(
    'vr-headsets',
    'VR headsets',
    'electronics',
    'vr headset|virtual reality|oculus|meta quest|vr-brille',
    'VR眼镜 虚拟现实',
    { naics: '334310', item: 'casquevr', typicalKg: 0.5, electric: true },
  ),
  c('projectors', 'Projectors', 'electronics', 'projector|beamer|projektor', '投影仪', {
    naics: '334310',
    item: 'videoprojecteur',
    typicalKg: 3,
    electric: true,
  }),
  c(
    'chargers',
    'Chargers and power banks',
    'electronics',
    'charger|power bank|powerbank|ladegerät|netzteil|power adapter|charging cable|usb cable|cable|kabel',
    '充电器 充电宝 数据线',
    { naics: '335999', item: 'alimentationsmartphone', typicalKg: 0.15, perKg: mat('Electrical items - small') },
  ),
  c('batteries', 'Batteries', 'electronics', 'battery|batteries|batterie|akku|aa batteries|aaa batteries', '电池', {
    naics: '335911',
    typicalKg: 0.1,
    perKg: mat('Batteries - Alkaline'),
  }),
  c('e-readers', 'E-readers', 'electronics', 'kindle|e-reader|ereader|tolino|kobo', '电子书阅读器', {
    naics: '334111',
    typicalKg: 0.2,
    perKg: mat('Electrical items - IT'),
    electric: true,
  }),
  // Large appliances
  c(
    'washing-machines',
    'Washing machines',
    'large-appliances',
    'washing machine|washer|waschmaschine|waschtrockner|front loader',
    '洗衣机',
    { naics: '335220', item: 'lavelinge', typicalKg: 70, electric: true },
  ),
  c(
    'dryers',
    'Tumble dryers',
    'large-appliances',
    'tumble dryer|clothes dryer|dryer|wäschetrockner|trockner',
    '烘干机 干衣机',
    { naics: '335220', item: 'lavelinge', typicalKg: 45, electric: true },
  ),
  c('dishwashers', 'Dishwashers', 'large-appliances', 'dishwasher|geschirrspüler|spülmaschine', '洗碗机', {
    naics: '335220',
    item: 'lavevaisselle',
    typicalKg: 45,
    electric: true,
  }),
  c(
    'refrigerators',
    'Refrigerators and freezers',
    'large-appliances',
    'fridge|refrigerator|freezer|fridge freezer|kühlschrank|gefrierschrank|kühl-gefrierkombination',
    '冰箱 冰柜 冷柜',
    { naics: '335220', item: 'refrigirateur', typicalKg: 60, electric: true },
  ),
  c(
    'ovens',
    'Ovens and cookers',
    'large-appliances',
    'oven|cooker|range|stove|hob|backofen|herd|kochfeld|induction hob',
    '烤箱 电磁炉 灶',
    { naics: '335220', item: 'fourelectrique', typicalKg: 35, electric: true },
  ),
  c(
    'air-conditioners',
    'Air conditioners and heat pumps',
    'large-appliances',
    'air conditioner|air conditioning|aircon|heat pump|klimaanlage|klimagerät|wärmepumpe',
    '空调',
    { naics: '333415', item: 'climatiseur', typicalKg: 30, electric: true },
  ),
  c(
    'heaters',
    'Heaters',
    'large-appliances',
    'heater|space heater|radiator|heizlüfter|heizung|heizkörper|electric fire',
    '取暖器 电暖器',
    { naics: '333414', typicalKg: 5, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'water-heaters',
    'Water heaters',
    'large-appliances',
    'water heater|boiler|durchlauferhitzer|warmwasserspeicher',
    '热水器',
    { naics: '335220', typicalKg: 35, perKg: mat('Electrical items - large'), electric: true },
  ),
  // Small appliances
  c('kettles', 'Kettles', 'small-appliances', 'kettle|electric kettle|wasserkocher', '电水壶 烧水壶', {
    naics: '335210',
    item: 'bouilloire',
    typicalKg: 1.2,
    electric: true,
  }),
  c(
    'coffee-machines',
    'Coffee machines',
    'small-appliances',
    'coffee machine|coffee maker|espresso machine|kaffeemaschine|kaffeevollautomat|espressomaschine|siebträger',
    '咖啡机',
    { naics: '335210', item: 'cafetiereexpresso', typicalKg: 6, electric: true },
  ),
  c(
    'capsule-machines',
    'Capsule coffee machines',
    'small-appliances',
    'nespresso|dolce gusto|capsule machine|pod machine|kapselmaschine|senseo|keurig',
    '胶囊咖啡机',
    { naics: '335210', item: 'cafetieredosette', typicalKg: 3, electric: true },
  ),
  c('microwaves', 'Microwaves', 'small-appliances', 'microwave|mikrowelle', '微波炉', {
    naics: '335220',
    item: 'microondes',
    typicalKg: 12,
    electric: true,
  }),
  c(
    'vacuum-cleaners',
    'Vacuum cleaners',
    'small-appliances',
    'vacuum|vacuum cleaner|hoover|robot vacuum|staubsauger|saugroboter|akkusauger',
    '吸尘器 扫地机器人',
    { naics: '335210', item: 'aspirateur', typicalKg: 5, electric: true },
  ),
  c(
    'kitchen-appliances',
    'Small kitchen appliances',
    'small-appliances',
    'toaster|blender|mixer|food processor|juicer|air fryer|rice cooker|slow cooker|stand mixer|hand mixer|sandwich maker|waffle maker|toaster|küchenmaschine|standmixer|heißluftfritteuse|entsafter|reiskocher',
    '电饭煲 榨汁机 料理机 空气炸锅 烤面包机',
    { naics: '335210', typicalKg: 3, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'personal-care-appliances',
    'Hair dryers and shavers',
    'small-appliances',
    'hair dryer|hairdryer|straightener|curling iron|shaver|electric toothbrush|trimmer|epilator|haartrockner|föhn|rasierer|elektrische zahnbürste',
    '吹风机 剃须刀 电动牙刷',
    { naics: '335210', typicalKg: 0.6, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'irons',
    'Irons and steamers',
    'small-appliances',
    'iron|steam iron|garment steamer|bügeleisen|dampfbügeleisen',
    '熨斗 挂烫机',
    { naics: '335210', typicalKg: 1.5, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'fans-air',
    'Fans, purifiers and dehumidifiers',
    'small-appliances',
    'fan|air purifier|dehumidifier|humidifier|ventilator|luftreiniger|luftentfeuchter|luftbefeuchter',
    '电风扇 空气净化器 除湿机 加湿器',
    { naics: '335210', typicalKg: 4, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'power-tools',
    'Power tools',
    'small-appliances',
    'drill|cordless drill|power drill|impact driver|angle grinder|jigsaw|circular saw|sander|bohrmaschine|akkuschrauber|bohrschrauber|schlagbohrmaschine|säge|schleifer',
    '电钻 电动工具',
    { naics: '333991', typicalKg: 2, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'lighting',
    'Lamps and light fixtures',
    'small-appliances',
    'lamp|light fixture|lighting fixture|ceiling light|floor lamp|desk lamp|pendant light|led lighting|led light|lampe|leuchte|deckenleuchte|stehlampe|tischlampe',
    '台灯 吊灯 灯具 落地灯',
    { naics: '335121', typicalKg: 2, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'light-bulbs',
    'Light bulbs',
    'small-appliances',
    'light bulb|led bulb|bulb|glühbirne|leuchtmittel|led-lampe',
    '灯泡',
    { naics: '335110', typicalKg: 0.05, perKg: mat('Electrical items - small'), electric: true },
  ),
  c(
    'medical-devices',
    'Medical devices',
    'beauty-health',
    'blood pressure monitor|thermometer|pulse oximeter|blutdruckmessgerät|fieberthermometer|nebuliser|hearing aid',
    '血压计 体温计',
    { naics: '334510', typicalKg: 0.4, perKg: mat('Electrical items - small'), electric: true },
  ),
  // Clothing
  c('jeans', 'Jeans', 'clothing', 'jeans|denim|501|slim straight|skinny jeans', '牛仔裤', {
    naics: '315280',
    item: 'jeans',
    typicalKg: 0.7,
    perKg: mat('Clothing'),
  }),
  c(
    'trousers',
    'Trousers and shorts',
    'clothing',
    'trousers|pants|chinos|shorts|leggings|joggers|hose|chino|jogginghose',
    '裤子 长裤 短裤 休闲裤',
    { naics: '315280', item: 'jeans', typicalKg: 0.45, perKg: mat('Clothing') },
  ),
  c('t-shirts', 'T-shirts and tops', 'clothing', 't-shirt|tshirt|tee|tank top|top|shirt tee|t shirt', 'T恤 短袖', {
    naics: '315280',
    item: 'tshirtencoton',
    typicalKg: 0.18,
    perKg: mat('Clothing'),
  }),
  c('polo-shirts', 'Polo shirts', 'clothing', 'polo|polo shirt|poloshirt', 'POLO衫 polo衫', {
    naics: '315280',
    item: 'polo',
    typicalKg: 0.25,
    perKg: mat('Clothing'),
  }),
  c('shirts-blouses', 'Shirts and blouses', 'clothing', 'shirt|blouse|button-down|hemd|bluse|oberhemd', '衬衫 衬衣', {
    naics: '315280',
    item: 'chemiseencoton',
    typicalKg: 0.25,
    perKg: mat('Clothing'),
  }),
  c(
    'dresses-skirts',
    'Dresses and skirts',
    'clothing',
    'dress|skirt|kleid|rock|sommerkleid|abendkleid',
    '连衣裙 裙子 半身裙',
    { naics: '315240', item: 'robeencoton', typicalKg: 0.4, perKg: mat('Clothing') },
  ),
  c(
    'sweaters',
    'Sweaters and cardigans',
    'clothing',
    'sweater|jumper|cardigan|pullover|knitwear|strickjacke|pulli',
    '毛衣 针织衫 开衫',
    { naics: '315190', item: 'pullenlaine', typicalKg: 0.5, perKg: mat('Clothing') },
  ),
  c('hoodies', 'Hoodies and sweatshirts', 'clothing', 'hoodie|sweatshirt|fleece|kapuzenpullover|sweatjacke', '卫衣', {
    naics: '315280',
    item: 'sweatencoton',
    typicalKg: 0.6,
    perKg: mat('Clothing'),
  }),
  c(
    'coats',
    'Coats and parkas',
    'clothing',
    'coat|parka|overcoat|puffer|down jacket|trench|mantel|daunenjacke|wintermantel|wintermantel',
    '大衣 羽绒服 外套',
    { naics: '315280', item: 'manteau', typicalKg: 1.5, perKg: mat('Clothing') },
  ),
  c(
    'jackets',
    'Jackets',
    'clothing',
    'jacket|rain jacket|blazer|windbreaker|softshell|jacke|regenjacke|sakko|lederjacke',
    '夹克 冲锋衣 西装',
    { naics: '315280', item: 'vesteimpermeable', typicalKg: 0.8, perKg: mat('Clothing') },
  ),
  c(
    'underwear-socks',
    'Underwear, socks and nightwear',
    'clothing',
    'underwear|socks|sock|boxer|briefs|bra|lingerie|pyjamas|pajamas|tights|unterwäsche|socken|strümpfe|schlafanzug|bh',
    '内衣 内裤 袜子 睡衣',
    { naics: '315110', item: 'tshirtencoton', typicalKg: 0.08, perKg: mat('Clothing') },
  ),
  c(
    'sportswear',
    'Sportswear and swimwear',
    'clothing',
    'sportswear|activewear|swimsuit|bikini|swim shorts|tracksuit|jersey|sports bra|badeanzug|trainingsanzug|sporthose',
    '运动服 泳衣',
    { naics: '315280', item: 'tshirtenpolyester', typicalKg: 0.3, perKg: mat('Clothing') },
  ),
  c(
    'baby-clothing',
    'Baby clothing',
    'clothing',
    'onesie|bodysuit|romper|babykleidung|strampler|babybody',
    '婴儿服 连体衣',
    { naics: '315240', item: 'tshirtencoton', typicalKg: 0.12, perKg: mat('Clothing') },
  ),
  c(
    'clothing',
    'Clothing',
    'clothing',
    'clothing|apparel|garment|bekleidung|kleidung|mode|fashion|outfit',
    '服装 衣服 女装 男装',
    { naics: '315280', typicalKg: 0.4, perKg: mat('Clothing') },
  ),
  // Shoes
  c(
    'sneakers',
    'Sneakers and sports shoes',
    'shoes',
    'sneakers|sneaker|trainers|running shoes|running shoe|sports shoes|turnschuhe|laufschuhe|sportschuhe|air max|ultraboost',
    '运动鞋 跑鞋 球鞋',
    { naics: '316210', item: 'chaussuresdesport', typicalKg: 0.8 },
  ),
  c(
    'leather-shoes',
    'Leather shoes and boots',
    'shoes',
    'boots|boot|leather shoes|oxford|loafers|brogues|ankle boots|stiefel|lederschuhe|stiefeletten|halbschuhe',
    '皮鞋 靴子',
    { naics: '316210', item: 'chaussuresencuir', typicalKg: 1 },
  ),
  c(
    'shoes',
    'Shoes',
    'shoes',
    'shoes|shoe|sandals|slippers|canvas shoes|flip flops|pumps|heels|espadrilles|schuhe|sandalen|hausschuhe|ballerinas',
    '鞋 凉鞋 拖鞋 帆布鞋',
    { naics: '316210', item: 'chaussuresentissu', typicalKg: 0.7 },
  ),
  // Accessories
  c(
    'handbags',
    'Handbags and wallets',
    'accessories',
    'handbag|purse|wallet|clutch|tote|handtasche|geldbörse|portemonnaie|tasche',
    '手提包 钱包 包包',
    { naics: '316992', typicalKg: 0.7, perKg: mat('Clothing') },
  ),
  c(
    'backpacks-luggage',
    'Backpacks and luggage',
    'accessories',
    'backpack|laptop bag|laptop sleeve|laptop backpack|camera bag|bag|rucksack|suitcase|luggage|duffel|duffle|travel bag|koffer|reisetasche|trolley',
    '背包 双肩包 行李箱 拉杆箱',
    { naics: '314910', typicalKg: 2.5, perKg: mat('average plastics') },
  ),
  c(
    'jewellery',
    'Jewellery',
    'accessories',
    'jewelry|jewellery|necklace|ring|earrings|bracelet|pendant|schmuck|halskette|ohrringe|armband',
    '项链 戒指 耳环 手链 首饰',
    { naics: '339910', typicalKg: 0.02 },
  ),
  c('watches', 'Watches', 'accessories', 'watch|wristwatch|armbanduhr|uhr', '手表', {
    naics: '334519',
    typicalKg: 0.1,
  }),
  c(
    'hats-scarves-belts',
    'Hats, scarves, gloves and belts',
    'accessories',
    'hat|cap|beanie|scarf|gloves|belt|tie|sunglasses|mütze|schal|handschuhe|gürtel|krawatte|sonnenbrille',
    '帽子 围巾 手套 皮带 领带 墨镜',
    { naics: '315990', typicalKg: 0.15, perKg: mat('Clothing') },
  ),
  // Furniture
  c('sofa-beds', 'Sofa beds', 'furniture', 'sofa bed|sleeper sofa|futon|schlafsofa|schlafcouch', '沙发床', {
    naics: '337121',
    item: 'canapeconvertible',
    typicalKg: 70,
    perKg: named('upholstered-furniture'),
  }),
  c(
    'sofas',
    'Sofas and armchairs',
    'furniture',
    'sofa|couch|armchair|loveseat|sectional|recliner|sessel|ecksofa|lounge seating|soft seating|cube',
    '沙发',
    { naics: '337121', item: 'canapetextile', typicalKg: 50, perKg: named('upholstered-furniture') },
  ),
  c(
    'office-chairs',
    'Office chairs',
    'furniture',
    'office chair|task chair|desk chair|gaming chair|ergonomic chair|work chair|bürostuhl|schreibtischstuhl|drehstuhl|chefsessel|aeron|work stool|stool|hocker',
    '办公椅 电脑椅 人体工学椅',
    { naics: '337214', typicalKg: 18, perKg: named('office-furniture') },
  ),
  c(
    'chairs',
    'Chairs',
    'furniture',
    'chair|dining chair|stacking chair|visitor chair|guest chair|meeting chair|stuhl|esszimmerstuhl|stapelstuhl|seating',
    '椅子 餐椅',
    { naics: '337122', item: 'chaiseenbois', typicalKg: 7, perKg: named('office-furniture') },
  ),
  c(
    'desks',
    'Desks',
    'furniture',
    'desk|standing desk|sit-stand|height-adjustable desk|computer desk|schreibtisch|stehtisch|höhenverstellbar',
    '书桌 办公桌 电脑桌 升降桌',
    { naics: '337211', typicalKg: 35, perKg: named('office-furniture') },
  ),
  c(
    'tables',
    'Tables',
    'furniture',
    'table|dining table|coffee table|side table|meeting table|training table|tisch|esstisch|couchtisch|beistelltisch',
    '桌子 餐桌 茶几',
    { naics: '337122', item: 'tableenbois', typicalKg: 30, perKg: named('office-furniture') },
  ),
  c('wardrobes', 'Wardrobes', 'furniture', 'wardrobe|closet|armoire|kleiderschrank', '衣柜', {
    naics: '337122',
    item: 'armoire',
    typicalKg: 80,
    perKg: named('office-furniture'),
  }),
  c(
    'storage-furniture',
    'Cabinets, shelves and storage furniture',
    'furniture',
    'cabinet|bookcase|bookshelf|shelf|shelving|shelving unit|dresser|chest of drawers|sideboard|pedestal|file cabinet|lateral file|storage cabinet|locker|regal|bücherregal|kommode|schrank|aktenschrank|rollcontainer|sideboard',
    '书架 柜子 抽屉柜 置物架 文件柜',
    { naics: '337215', typicalKg: 35, perKg: named('office-furniture') },
  ),
  c(
    'beds',
    'Beds',
    'furniture',
    'bed|bed frame|bunk bed|boxspring|bett|bettgestell|boxspringbett|doppelbett',
    '床 床架',
    { naics: '337122', item: 'lit', typicalKg: 60, perKg: named('office-furniture') },
  ),
  c('mattresses', 'Mattresses', 'furniture', 'mattress|matratze|topper', '床垫', {
    naics: '337910',
    typicalKg: 25,
    perKg: mat('average plastics'),
  }),
  c(
    'outdoor-furniture',
    'Garden furniture',
    'furniture',
    'garden furniture|patio furniture|outdoor furniture|sun lounger|deck chair|gartenmöbel|gartenstuhl|liegestuhl|gartentisch',
    '户外家具 躺椅',
    { naics: '337124', typicalKg: 15, perKg: named('office-furniture') },
  ),
  c('furniture', 'Furniture', 'furniture', 'furniture|möbel|furnishings', '家具', {
    naics: '337122',
    typicalKg: 25,
    perKg: named('office-furniture'),
  }),
  // Home and garden
  c(
    'bedding',
    'Bedding',
    'home-garden',
    'bedding|duvet|duvet cover|comforter|pillow|sheets|bed sheet|blanket|bettwäsche|bettdecke|kissen|decke|spannbettlaken',
    '床上用品 被子 枕头 床单 毯子',
    { naics: '314120', typicalKg: 1.5, perKg: mat('Clothing') },
  ),
  c('towels', 'Towels', 'home-garden', 'towel|bath towel|handtuch|badetuch|duschtuch', '毛巾 浴巾', {
    naics: '314120',
    typicalKg: 0.5,
    perKg: mat('Clothing'),
  }),
  c(
    'curtains',
    'Curtains and blinds',
    'home-garden',
    'curtain|curtains|blind|blinds|drapes|vorhang|gardine|rollo|jalousie',
    '窗帘',
    { naics: '314120', typicalKg: 1.5, perKg: mat('Clothing') },
  ),
  c('rugs', 'Rugs and carpets', 'home-garden', 'rug|carpet|doormat|teppich|fußmatte|läufer', '地毯 地垫', {
    naics: '314110',
    typicalKg: 5,
    perKg: mat('average plastics'),
  }),
  c(
    'cookware',
    'Cookware',
    'home-garden',
    'pan|frying pan|saucepan|pot|cookware|wok|dutch oven|casserole|pfanne|topf|kochtopf|bratpfanne',
    '锅 炒锅 平底锅',
    { naics: '332215', typicalKg: 1.5, perKg: mat('Metals') },
  ),
  c(
    'cutlery-utensils',
    'Cutlery and kitchen utensils',
    'home-garden',
    'cutlery|knife|knives|fork|spoon|utensil|spatula|peeler|slicer|grater|besteck|messer|gabel|löffel|küchenhelfer',
    '刀具 餐具 勺子 筷子',
    { naics: '332215', typicalKg: 0.5, perKg: mat('Metals') },
  ),
  c(
    'tableware',
    'Tableware and glassware',
    'home-garden',
    'plate|bowl|mug|cup|dinnerware|tableware|glass|glasses|wine glass|teller|schüssel|tasse|becher|geschirr|trinkglas',
    '碗 盘子 杯子 马克杯',
    { naics: '327110', typicalKg: 0.5, perKg: mat('Glass') },
  ),
  c(
    'food-storage',
    'Food storage and plastic housewares',
    'home-garden',
    'food container|storage box|lunch box|tupperware|water bottle|plastic box|aufbewahrungsbox|brotdose|trinkflasche|storage bin|hanger',
    '保鲜盒 收纳盒 水杯 饭盒',
    { naics: '326199', typicalKg: 0.4, perKg: mat('average plastic rigid') },
  ),
  c(
    'cleaning-products',
    'Cleaning and laundry products',
    'home-garden',
    'detergent|laundry detergent|washing powder|dish soap|cleaner|all-purpose cleaner|dishwasher tablets|fabric softener|bleach|stain remover|carpet cleaner|waschmittel|spülmittel|reiniger|weichspüler|spülmaschinentabs|fleckentferner|teppichreiniger',
    '洗衣液 洗洁精 清洁剂 洗衣粉 去渍剂',
    { naics: '325611', typicalKg: 1.5, perKg: named('detergent') },
  ),
  c(
    'paper-household',
    'Toilet paper and tissues',
    'home-garden',
    'toilet paper|toilet roll|kitchen roll|paper towels|tissues|tissue|napkins|toilettenpapier|küchenrolle|taschentücher',
    '卫生纸 纸巾 抽纸',
    { naics: '322291', typicalKg: 1.2, perKg: mat('paper') },
  ),
  c(
    'home-decor',
    'Home decor',
    'home-garden',
    'vase|candle|picture frame|mirror|wall art|poster|clock|decor|decoration|kerze|bilderrahmen|spiegel|deko|wanduhr',
    '花瓶 蜡烛 相框 镜子 装饰',
    { naics: '339999', typicalKg: 1, perKg: mat('Glass') },
  ),
  c(
    'hand-tools',
    'Hand tools and hardware',
    'home-garden',
    'hammer|screwdriver|wrench|spanner|pliers|tool set|toolbox|tape measure|werkzeug|schraubendreher|zange|werkzeugkoffer|screws|nails|schrauben',
    '工具 螺丝刀 扳手 锤子',
    { naics: '332216', typicalKg: 1, perKg: mat('Metals') },
  ),
  c(
    'garden',
    'Garden and outdoor',
    'home-garden',
    'garden hose|lawn mower|lawnmower|hedge trimmer|planter|flower pot|watering can|shovel|rake|seeds|gartenschlauch|rasenmäher|blumentopf|gießkanne|grill|barbecue|bbq',
    '割草机 花盆 烧烤',
    { naics: '333112', typicalKg: 5, perKg: mat('Metals') },
  ),
  c(
    'paint-diy',
    'Paint and DIY supplies',
    'home-garden',
    'paint|wall paint|primer|varnish|glue|adhesive|farbe|wandfarbe|lack|kleber',
    '油漆 涂料 胶水',
    { naics: '325510', typicalKg: 2.5, perKg: mat('average plastics') },
  ),
  // Food and drink
  c(
    'coffee',
    'Coffee',
    'food-drink',
    'coffee|coffee beans|ground coffee|instant coffee|espresso beans|kaffee|kaffeebohnen|café au lait|coffee mix|nescafe|blendy',
    '咖啡 咖啡豆 速溶咖啡',
    { naics: '311920', typicalKg: 0.5, perKg: named('coffee') },
  ),
  c('tea', 'Tea', 'food-drink', 'tea|green tea|black tea|tea bags|tee|teebeutel|grüntee', '茶 茶叶 绿茶 红茶', {
    naics: '311920',
    typicalKg: 0.1,
  }),
  c('chocolate', 'Chocolate', 'food-drink', 'chocolate|schokolade|pralinen|cocoa|kakao', '巧克力 可可', {
    naics: '311351',
    typicalKg: 0.1,
    perKg: agb('chocolats et produits à base de chocolat'),
  }),
  c(
    'sweets',
    'Sweets and candy',
    'food-drink',
    'candy|sweets|gummy|gummies|lollipop|chewing gum|süßigkeiten|bonbons|gummibärchen|kaugummi',
    '糖果 软糖 口香糖',
    { naics: '311340', typicalKg: 0.2, perKg: agb('confiseries non chocolatées') },
  ),
  c(
    'biscuits',
    'Biscuits, cookies and cakes',
    'food-drink',
    'biscuits|cookies|crackers|cake|wafers|kekse|plätzchen|kuchen|waffeln',
    '饼干 蛋糕 糕点',
    { naics: '311821', typicalKg: 0.3, perKg: agb('gâteaux et pâtisseries') },
  ),
  c(
    'snacks',
    'Crisps and savoury snacks',
    'food-drink',
    'chips|crisps|pretzels|popcorn|snack|snacks|kartoffelchips|salzstangen',
    '薯片 零食 膨化食品',
    { naics: '311919', typicalKg: 0.15, perKg: named('crisps') },
  ),
  c(
    'nuts',
    'Nuts and seeds',
    'food-drink',
    'nuts|almonds|cashews|peanuts|walnuts|pistachios|seeds|nüsse|mandeln|erdnüsse|walnüsse',
    '坚果 杏仁 花生 核桃',
    { naics: '311911', typicalKg: 0.2, perKg: agb('fruits à coque et graines oléagineuses') },
  ),
  c(
    'cereal',
    'Breakfast cereal',
    'food-drink',
    'cereal|muesli|granola|cornflakes|oats|porridge oats|haferflocken|müsli',
    '麦片 燕麦',
    { naics: '311230', typicalKg: 0.5, perKg: agb('céréales de petit-déjeuner et biscuits') },
  ),
  c(
    'pasta-rice',
    'Pasta, rice and grains',
    'food-drink',
    'pasta|spaghetti|noodles|rice|quinoa|couscous|flour|nudeln|reis|mehl|rice porridge|ramen|udon',
    '大米 面条 意大利面 面粉 米饭 粥',
    { naics: '311824', typicalKg: 0.5, perKg: agb('pâtes, riz et céréales') },
  ),
  c(
    'bread',
    'Bread and bakery',
    'food-drink',
    'bread|baguette|toast bread|rolls|croissant|brot|brötchen|toastbrot',
    '面包 吐司',
    { naics: '311812', typicalKg: 0.5, perKg: agb('pains et viennoiseries') },
  ),
  c('cheese', 'Cheese', 'food-drink', 'cheese|cheddar|mozzarella|parmesan|gouda|käse', '奶酪 芝士', {
    naics: '311513',
    typicalKg: 0.25,
    perKg: agb('fromages'),
  }),
  c('milk', 'Milk and cream', 'food-drink', 'milk|cream|milch|sahne|whole milk|uht milk', '牛奶 奶油', {
    naics: '311511',
    typicalKg: 1,
    perKg: agb('laits'),
  }),
  c(
    'plant-milk',
    'Plant-based drinks',
    'food-drink',
    'oat milk|soy milk|almond milk|oat drink|haferdrink|sojadrink|hafermilch',
    '豆奶 燕麦奶',
    { naics: '311999', typicalKg: 1, perKg: pn('Soy milk') },
  ),
  c('yogurt', 'Yogurt and desserts', 'food-drink', 'yogurt|yoghurt|joghurt|quark|pudding|dessert', '酸奶 布丁', {
    naics: '311511',
    typicalKg: 0.5,
    perKg: agb('produits laitiers frais et assimilés'),
  }),
  c('butter', 'Butter and spreads', 'food-drink', 'butter|margarine|ghee|spread', '黄油', {
    naics: '311512',
    typicalKg: 0.25,
    perKg: agb('beurres'),
  }),
  c('eggs', 'Eggs', 'food-drink', 'eggs|egg|eier', '鸡蛋 蛋', { naics: '311999', typicalKg: 0.6, perKg: agb('œufs') }),
  c(
    'beef',
    'Beef and lamb',
    'food-drink',
    'beef|steak|ground beef|mince|lamb|mutton|veal|rindfleisch|hackfleisch|lammfleisch|kalbfleisch',
    '牛肉 羊肉 牛排',
    { naics: '311611', typicalKg: 0.5, perKg: pn('Beef (beef herd)') },
  ),
  c(
    'pork',
    'Pork',
    'food-drink',
    'pork|bacon|ham|sausage|sausages|schweinefleisch|schinken|wurst|würstchen|speck|salami',
    '猪肉 火腿 香肠 培根',
    { naics: '311612', typicalKg: 0.4, perKg: agb('charcuteries') },
  ),
  c('poultry', 'Poultry', 'food-drink', 'chicken|turkey|duck|poultry|hähnchen|huhn|pute|geflügel', '鸡肉 鸡 鸭', {
    naics: '311615',
    typicalKg: 0.6,
    perKg: pn('Poultry Meat'),
  }),
  c(
    'meat-substitutes',
    'Meat substitutes and tofu',
    'food-drink',
    'tofu|vegan burger|plant-based|meat substitute|veggie burger|tempeh|seitan|fleischersatz',
    '豆腐 素肉',
    { naics: '311999', typicalKg: 0.3, perKg: agb('substituts de viande') },
  ),
  c(
    'canned-fish',
    'Canned fish',
    'food-drink',
    'tuna|canned tuna|sardines|canned fish|thunfisch|sardinen|light meat tuna',
    '金枪鱼罐头 沙丁鱼',
    { naics: '311710', typicalKg: 0.2, perKg: named('canned-fish') },
  ),
  c(
    'fish-seafood',
    'Fish and seafood',
    'food-drink',
    'fish|salmon|shrimp|prawns|seafood|cod|fisch|lachs|garnelen|meeresfrüchte',
    '鱼 三文鱼 虾 海鲜',
    { naics: '311710', typicalKg: 0.4, perKg: agb('poissons crus') },
  ),
  c(
    'fruit',
    'Fruit',
    'food-drink',
    'apples|apple fruit|bananas|oranges|berries|grapes|fruit|strawberries|obst|äpfel|bananen|orangen|beeren|trauben',
    '水果 苹果 香蕉 橙子 葡萄',
    { naics: '311421', typicalKg: 1, perKg: agb('fruits') },
  ),
  c(
    'vegetables',
    'Vegetables',
    'food-drink',
    'vegetables|tomatoes|potatoes|onions|carrots|lettuce|gemüse|tomaten|kartoffeln|zwiebeln|karotten',
    '蔬菜 土豆 西红柿 洋葱',
    { naics: '311421', typicalKg: 1, perKg: agb('légumes') },
  ),
  c(
    'canned-food',
    'Canned and jarred food',
    'food-drink',
    'canned|beans|chickpeas|lentils|soup|konserve|bohnen|kichererbsen|linsen|suppe',
    '罐头 豆子',
    { naics: '311421', typicalKg: 0.4, perKg: agb('légumineuses') },
  ),
  c(
    'sauces-seasoning',
    'Sauces, stock and seasoning',
    'food-drink',
    'sauce|ketchup|mayonnaise|mustard|dressing|soy sauce|stock|bouillon|consommé|seasoning|spice|spices|pesto|soße|gewürz|gewürze|brühe|senf|noodle soup base|stir-fry sauce|soup base',
    '酱油 调味料 酱 调料 鸡精 香料',
    { naics: '311941', typicalKg: 0.3, perKg: agb('sauces') },
  ),
  c(
    'oils',
    'Cooking oils',
    'food-drink',
    'olive oil|oil|sunflower oil|rapeseed oil|olivenöl|speiseöl|sonnenblumenöl',
    '食用油 橄榄油',
    { naics: '311225', typicalKg: 0.9, perKg: agb('huiles et graisses végétales') },
  ),
  c(
    'sugar-honey',
    'Sugar, honey and jam',
    'food-drink',
    'sugar|honey|jam|marmalade|syrup|zucker|honig|marmelade|konfitüre|sirup',
    '糖 蜂蜜 果酱',
    { naics: '311314', typicalKg: 0.5, perKg: agb('sucres, miels et assimilés') },
  ),
  c(
    'ready-meals',
    'Ready meals and pizza',
    'food-drink',
    'ready meal|pizza|lasagne|frozen meal|fertiggericht|tiefkühlpizza|instant noodles|microwave meal',
    '速冻食品 方便面 披萨 速食',
    { naics: '311412', typicalKg: 0.4, perKg: agb('plats composés') },
  ),
  c('ice-cream', 'Ice cream', 'food-drink', 'ice cream|gelato|sorbet|eiscreme|speiseeis', '冰淇淋 雪糕', {
    naics: '311520',
    typicalKg: 0.5,
    perKg: agb('glaces'),
  }),
  c(
    'baby-food',
    'Baby food and formula',
    'food-drink',
    'baby food|infant formula|baby formula|babynahrung|säuglingsnahrung|babybrei',
    '婴儿奶粉 辅食 奶粉',
    { naics: '311514', typicalKg: 0.4, perKg: agb('laits et boissons infantiles') },
  ),
  c(
    'water',
    'Bottled water',
    'food-drink',
    'water|mineral water|sparkling water|still water|wasser|mineralwasser|sprudel',
    '矿泉水 饮用水 纯净水 天然水 苏打水',
    { naics: '312112', typicalKg: 1.5, perKg: named('water') },
  ),
  c(
    'soft-drinks',
    'Soft drinks and juice',
    'food-drink',
    'soda|cola|coke|lemonade|soft drink|juice|energy drink|iced tea|limonade|saft|orangensaft|fanta|sprite|pepsi|summer fruits|squash',
    '可乐 汽水 果汁 饮料',
    { naics: '312111', typicalKg: 0.5, perKg: named('soft-drinks') },
  ),
  c('beer', 'Beer', 'food-drink', 'beer|lager|ale|ipa|stout|pilsner|bier|pils|weizenbier', '啤酒', {
    naics: '312120',
    typicalKg: 0.5,
    perKg: named('beer'),
  }),
  c(
    'wine',
    'Wine',
    'food-drink',
    'wine|red wine|white wine|rosé|prosecco|champagne|wein|rotwein|weißwein|sekt',
    '葡萄酒 红酒 白葡萄酒',
    { naics: '312130', typicalKg: 1.3, perKg: pn('Wine') },
  ),
  c(
    'spirits',
    'Spirits',
    'food-drink',
    'whisky|whiskey|vodka|gin|rum|tequila|liqueur|spirits|schnaps|likör|brandy',
    '白酒 威士忌 伏特加',
    { naics: '312140', typicalKg: 1.2, perKg: named('spirits') },
  ),
  c('food', 'Food (other)', 'food-drink', 'food|grocery|groceries|lebensmittel|pantry|nahrungsmittel', '食品 零食', {
    naics: '311999',
    typicalKg: 0.5,
    perKg: mat('Food and drink'),
  }),
  // Beauty and health
  c(
    'skincare',
    'Skincare',
    'beauty-health',
    'moisturizer|moisturiser|face cream|serum|lotion|sunscreen|cleanser|body lotion|gesichtscreme|sonnencreme|creme|cream',
    '面霜 乳液 精华 防晒霜 护肤品',
    { naics: '325620', typicalKg: 0.2, perKg: named('cosmetics') },
  ),
  c(
    'makeup',
    'Make-up',
    'beauty-health',
    'makeup|make-up|lipstick|mascara|foundation|eyeshadow|nail polish|lippenstift|wimperntusche|nagellack',
    '口红 化妆品 粉底 睫毛膏',
    { naics: '325620', typicalKg: 0.05, perKg: named('cosmetics') },
  ),
  c(
    'hair-care',
    'Hair care and soap',
    'beauty-health',
    'shampoo|conditioner|hair gel|shower gel|soap|body wash|deodorant|haarspülung|duschgel|seife|deo',
    '洗发水 沐浴露 香皂 护发素',
    { naics: '325620', typicalKg: 0.3, perKg: named('cosmetics') },
  ),
  c('perfume', 'Perfume', 'beauty-health', 'perfume|eau de parfum|eau de toilette|fragrance|parfüm|duft', '香水', {
    naics: '325620',
    typicalKg: 0.3,
    perKg: named('cosmetics'),
  }),
  c(
    'oral-care',
    'Oral care and razors',
    'beauty-health',
    'toothpaste|toothbrush|dental floss|mouthwash|razor|razor blades|zahnpasta|zahnbürste|rasierklingen',
    '牙膏 牙刷 剃须刀片',
    { naics: '339994', typicalKg: 0.1, perKg: mat('average plastics') },
  ),
  c(
    'vitamins-medicine',
    'Vitamins and medicines',
    'beauty-health',
    'vitamins|supplements|vitamin|protein powder|painkiller|ibuprofen|paracetamol|medicine|nahrungsergänzung|vitamine|tabletten|medikament',
    '维生素 保健品 药 蛋白粉',
    { naics: '325412', typicalKg: 0.15, perKg: mat('Food and drink') },
  ),
  c(
    'diapers-hygiene',
    'Nappies and hygiene products',
    'beauty-health',
    'diapers|nappies|wipes|baby wipes|sanitary pads|tampons|windeln|feuchttücher|binden',
    '纸尿裤 尿不湿 湿巾 卫生巾',
    { naics: '322291', typicalKg: 1, perKg: mat('paper') },
  ),
  // Toys and baby
  c(
    'building-toys',
    'Building sets',
    'toys-baby',
    'lego|duplo|building blocks|building set|construction toy|bausteine|klemmbausteine',
    '积木玩具 积木 乐高',
    { naics: '339930', typicalKg: 0.6, perKg: mat('average plastic rigid') },
  ),
  c(
    'board-games',
    'Board games and puzzles',
    'toys-baby',
    'board game|puzzle|jigsaw puzzle|card game|brettspiel|gesellschaftsspiel|kartenspiel',
    '桌游 拼图 棋',
    { naics: '339930', typicalKg: 0.8, perKg: mat('board') },
  ),
  c(
    'dolls-figures',
    'Dolls and action figures',
    'toys-baby',
    'doll|barbie|action figure|figurine|plush|stuffed animal|teddy|puppe|plüschtier|kuscheltier|actionfigur',
    '娃娃 玩偶 毛绒玩具 手办',
    { naics: '339930', typicalKg: 0.3, perKg: mat('average plastics') },
  ),
  c('toys', 'Toys', 'toys-baby', 'toy|toys|spielzeug|kinderspielzeug|remote control car|rc car|toy car', '玩具', {
    naics: '339930',
    typicalKg: 0.5,
    perKg: mat('average plastics'),
  }),
  c(
    'strollers-car-seats',
    'Strollers and car seats',
    'toys-baby',
    'stroller|pram|pushchair|buggy|car seat|kinderwagen|kindersitz|autositz|babyschale',
    '婴儿车 推车 安全座椅',
    { naics: '336991', typicalKg: 10, perKg: mat('average plastics') },
  ),
  c(
    'baby-gear',
    'Baby gear',
    'toys-baby',
    'baby bottle|pacifier|dummy|high chair|baby monitor|cot|crib|changing mat|babyflasche|schnuller|hochstuhl|babybett|babyphone',
    '奶瓶 奶嘴 婴儿床',
    { naics: '326199', typicalKg: 1, perKg: mat('average plastics') },
  ),
  // Books, media and office
  c(
    'books',
    'Books',
    'books-media-office',
    'book|books|paperback|hardcover|novel|buch|bücher|taschenbuch|roman|gebundene ausgabe',
    '书 图书 书籍 小说',
    { naics: '511130', typicalKg: 0.4, perKg: mat('paper') },
  ),
  c(
    'music-film',
    'CDs, DVDs and vinyl',
    'books-media-office',
    'dvd|blu-ray|cd|vinyl|album|lp|schallplatte',
    '光盘 唱片',
    { naics: '334614', typicalKg: 0.15, perKg: mat('average plastics') },
  ),
  c(
    'stationery',
    'Stationery and paper',
    'books-media-office',
    'notebook paper|notepad|paper|printer paper|copy paper|envelope|envelopes|diary|planner|journal|sticky notes|kopierpapier|papier|notizbuch|heft|umschläge|kalender',
    '笔记本子 纸 信封 本子',
    { naics: '322230', typicalKg: 0.5, perKg: mat('paper') },
  ),
  c(
    'pens-office',
    'Pens and office supplies',
    'books-media-office',
    'pen|pens|pencil|marker|highlighter|stapler|scissors|office supplies|kugelschreiber|bleistift|textmarker|tacker|schere|bürobedarf',
    '笔 圆珠笔 铅笔 文具',
    { naics: '339940', typicalKg: 0.1, perKg: mat('average plastics') },
  ),
  c(
    'musical-instruments',
    'Musical instruments',
    'books-media-office',
    'guitar|piano|keyboard piano|violin|ukulele|drum|drums|gitarre|klavier|geige|schlagzeug',
    '吉他 钢琴 小提琴 乐器',
    { naics: '339992', typicalKg: 4, perKg: mat('Wood') },
  ),
  // Sports
  c(
    'bicycles',
    'Bicycles and e-bikes',
    'sports',
    'bicycle|bike|e-bike|ebike|mountain bike|road bike|fahrrad|e-bike|mountainbike|rennrad|pedelec',
    '自行车 电动自行车 山地车',
    { naics: '336991', typicalKg: 15, perKg: mat('Metals') },
  ),
  c(
    'fitness',
    'Fitness equipment',
    'sports',
    'dumbbell|dumbbells|kettlebell|treadmill|exercise bike|rowing machine|yoga mat|resistance band|weights|hanteln|laufband|heimtrainer|yogamatte|fitness',
    '哑铃 跑步机 瑜伽垫 健身',
    { naics: '339920', typicalKg: 8, perKg: mat('Metals') },
  ),
  c(
    'camping',
    'Camping and outdoor gear',
    'sports',
    'tent|sleeping bag|camping|hiking poles|zelt|schlafsack|wanderstöcke',
    '帐篷 睡袋 露营',
    { naics: '339920', typicalKg: 3, perKg: mat('average plastics') },
  ),
  c(
    'sports-equipment',
    'Sports equipment',
    'sports',
    'ball|football|soccer ball|basketball|tennis racket|racket|golf clubs|skateboard|ski|skis|snowboard|helmet|fußball|tennisschläger|golfschläger|sport',
    '球 足球 篮球 网球拍 滑板 运动',
    { naics: '339920', typicalKg: 1, perKg: mat('average plastics') },
  ),
  // Pet
  c(
    'pet-food',
    'Pet food',
    'pet',
    'dog food|cat food|pet food|kibble|hundefutter|katzenfutter|tierfutter|cat treats|dog treats',
    '狗粮 猫粮 宠物食品',
    { naics: '311111', typicalKg: 2, perKg: named('pet-food') },
  ),
  c(
    'pet-supplies',
    'Pet supplies',
    'pet',
    'cat litter|dog bed|leash|collar|cat tree|scratching post|aquarium|katzenstreu|hundebett|leine|halsband|kratzbaum|pet',
    '猫砂 狗窝 宠物用品 猫爬架',
    { naics: '339999', typicalKg: 2, perKg: mat('average plastics') },
  ),
  // Automotive
  c('tyres', 'Tyres', 'automotive', 'tire|tyre|tires|tyres|reifen|winterreifen|sommerreifen|allwetterreifen', '轮胎', {
    naics: '326211',
    typicalKg: 9,
    perKg: mat('Tyres'),
  }),
  c(
    'motor-oil',
    'Motor oil and car care',
    'automotive',
    'motor oil|engine oil|motoröl|antifreeze|frostschutz|car wax|car shampoo|windshield washer',
    '机油 防冻液 车蜡',
    { naics: '324191', typicalKg: 4, perKg: mat('Mineral oil') },
  ),
  c(
    'car-parts',
    'Car parts and accessories',
    'automotive',
    'car parts|brake pads|wiper blades|car battery|dash cam|car charger|car accessories|autoteile|bremsbeläge|scheibenwischer|autobatterie|car',
    '汽车配件 行车记录仪 刹车片 雨刷',
    { naics: '336390', typicalKg: 2, perKg: mat('Metals') },
  ),
];

export const UNKNOWN: Category = c('unknown', 'Unknown (other manufactured goods)', 'unknown', '', '', {
  naics: '339999',
  typicalKg: 1,
});

export const CATEGORY_BY_ID: ReadonlyMap<string, Category> = new Map(
  [...CATEGORIES, UNKNOWN].map((category) => [category.id, category]),
);

/** Groups of the validation: electronics with manufacturer reports, and all other goods. */
export const ELECTRONICS_WITH_REPORTS = new Set([
  'laptops',
  'monitors',
  'desktops',
  'smartphones',
  'tablets',
  'printers',
]);
