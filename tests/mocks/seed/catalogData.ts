// Word lists the seed combines into a believable catalog: 8 departments x 4 leaf categories
// (40 categories in a two-level tree) and 12 x 5 = 60 brands.

export type VariantKind = 'apparel' | 'shoes' | 'colour' | 'none'

export interface LeafSpec {
  name: string
  nouns: readonly string[]
  /** Price range in whole dollars. */
  price: readonly [number, number]
  variants: VariantKind
}

export interface DepartmentSpec {
  name: string
  leaves: readonly LeafSpec[]
}

export const DEPARTMENTS: readonly DepartmentSpec[] = [
  { name: 'Clothing', leaves: [
    { name: 'T-Shirts', nouns: ['Crew Tee', 'V-Neck Tee', 'Pocket Tee', 'Long Sleeve Tee'], price: [12, 45], variants: 'apparel' },
    { name: 'Sweaters', nouns: ['Crew Sweater', 'Cardigan', 'Hoodie', 'Quarter Zip'], price: [35, 160], variants: 'apparel' },
    { name: 'Jackets', nouns: ['Rain Jacket', 'Puffer Jacket', 'Denim Jacket', 'Field Coat'], price: [60, 380], variants: 'apparel' },
    { name: 'Trousers', nouns: ['Chinos', 'Joggers', 'Cargo Pants', 'Slim Jeans'], price: [35, 140], variants: 'apparel' },
  ] },
  { name: 'Shoes', leaves: [
    { name: 'Sneakers', nouns: ['Court Sneaker', 'Canvas Sneaker', 'Slip-On'], price: [45, 180], variants: 'shoes' },
    { name: 'Boots', nouns: ['Chelsea Boot', 'Hiking Boot', 'Work Boot'], price: [80, 320], variants: 'shoes' },
    { name: 'Sandals', nouns: ['Slide Sandal', 'Sport Sandal', 'Flip Flop'], price: [15, 90], variants: 'shoes' },
    { name: 'Running Shoes', nouns: ['Trail Runner', 'Road Runner', 'Racing Flat'], price: [70, 220], variants: 'shoes' },
  ] },
  { name: 'Home & Kitchen', leaves: [
    { name: 'Cookware', nouns: ['Skillet', 'Dutch Oven', 'Saucepan', 'Wok'], price: [20, 260], variants: 'none' },
    { name: 'Tableware', nouns: ['Dinner Plate Set', 'Mug', 'Pasta Bowl', 'Serving Platter'], price: [8, 120], variants: 'colour' },
    { name: 'Bedding', nouns: ['Duvet Cover', 'Sheet Set', 'Pillowcase Pair', 'Throw Blanket'], price: [25, 240], variants: 'colour' },
    { name: 'Lighting', nouns: ['Desk Lamp', 'Floor Lamp', 'Pendant Light', 'String Lights'], price: [18, 300], variants: 'none' },
  ] },
  { name: 'Electronics', leaves: [
    { name: 'Headphones', nouns: ['Wireless Headphones', 'Earbuds', 'Studio Headphones'], price: [25, 400], variants: 'colour' },
    { name: 'Speakers', nouns: ['Bluetooth Speaker', 'Bookshelf Speaker', 'Soundbar'], price: [30, 600], variants: 'colour' },
    { name: 'Chargers', nouns: ['USB-C Charger', 'Power Bank', 'Wireless Charging Pad', 'Charging Cable'], price: [9, 90], variants: 'none' },
    { name: 'Smart Home', nouns: ['Smart Plug', 'Smart Bulb', 'Video Doorbell', 'Thermostat'], price: [15, 250], variants: 'none' },
  ] },
  { name: 'Sports & Outdoors', leaves: [
    { name: 'Camping', nouns: ['Tent', 'Sleeping Bag', 'Camp Stove', 'Headlamp'], price: [15, 450], variants: 'none' },
    { name: 'Cycling', nouns: ['Bike Helmet', 'Bike Light', 'Saddle Bag', 'Cycling Gloves'], price: [12, 180], variants: 'colour' },
    { name: 'Yoga', nouns: ['Yoga Mat', 'Yoga Block', 'Yoga Strap', 'Meditation Cushion'], price: [10, 120], variants: 'colour' },
    { name: 'Hiking', nouns: ['Daypack', 'Trekking Poles', 'Water Bottle', 'Hiking Socks'], price: [10, 200], variants: 'colour' },
  ] },
  { name: 'Beauty', leaves: [
    { name: 'Skincare', nouns: ['Face Serum', 'Moisturiser', 'Cleanser', 'Sunscreen SPF 50'], price: [8, 95], variants: 'none' },
    { name: 'Fragrance', nouns: ['Eau de Parfum', 'Eau de Toilette', 'Scented Candle'], price: [20, 180], variants: 'none' },
    { name: 'Haircare', nouns: ['Shampoo', 'Conditioner', 'Hair Oil', 'Styling Cream'], price: [7, 60], variants: 'none' },
    { name: 'Makeup', nouns: ['Lipstick', 'Mascara', 'Foundation', 'Eyeshadow Palette'], price: [9, 70], variants: 'colour' },
  ] },
  { name: 'Books & Stationery', leaves: [
    { name: 'Notebooks', nouns: ['Dot Grid Notebook', 'Lined Journal', 'Sketchbook'], price: [6, 40], variants: 'colour' },
    { name: 'Pens', nouns: ['Fountain Pen', 'Gel Pen Set', 'Fineliner Set'], price: [4, 160], variants: 'colour' },
    { name: 'Planners', nouns: ['Weekly Planner', 'Desk Calendar', 'Habit Tracker'], price: [10, 45], variants: 'none' },
    { name: 'Art Supplies', nouns: ['Watercolour Set', 'Brush Set', 'Pastel Set', 'Canvas Pad'], price: [8, 120], variants: 'none' },
  ] },
  { name: 'Toys & Games', leaves: [
    { name: 'Board Games', nouns: ['Strategy Game', 'Party Game', 'Co-op Game'], price: [15, 90], variants: 'none' },
    { name: 'Puzzles', nouns: ['1000-Piece Puzzle', 'Wooden Puzzle', '3D Puzzle'], price: [10, 60], variants: 'none' },
    { name: 'Building Sets', nouns: ['Building Set', 'Marble Run', 'Robot Kit'], price: [15, 250], variants: 'none' },
    { name: 'Plush', nouns: ['Plush Bear', 'Plush Fox', 'Plush Whale'], price: [10, 50], variants: 'colour' },
  ] },
]

export const ADJECTIVES = [
  'Everyday', 'Classic', 'Essential', 'Heritage', 'Urban', 'Coastal', 'Alpine', 'Nordic', 'Modern', 'Vintage',
  'Lightweight', 'Premium', 'Compact', 'Organic', 'Recycled', 'Signature', 'Studio', 'Weekend', 'Trail', 'Softline',
] as const

export const MATERIALS = ['Cotton', 'Merino', 'Linen', 'Bamboo', 'Oak', 'Steel', 'Ceramic', 'Canvas', 'Leather', 'Recycled Nylon'] as const

export const COLOURS = ['Black', 'White', 'Navy', 'Olive', 'Sand', 'Rust', 'Sky Blue', 'Charcoal', 'Forest Green', 'Burgundy'] as const
export const APPAREL_SIZES = ['XS', 'S', 'M', 'L', 'XL'] as const
export const SHOE_SIZES = ['38', '39', '40', '41', '42', '43', '44', '45'] as const

const BRAND_PREFIXES = ['Nord', 'Blue', 'Oak', 'Iron', 'Silver', 'Red', 'Pine', 'Stone', 'Sun', 'Wild', 'Cedar', 'Moon'] as const
const BRAND_SUFFIXES = ['peak', 'line', 'works', 'craft', 'field'] as const

export const BRAND_NAMES: readonly string[] = BRAND_PREFIXES.flatMap(prefix => BRAND_SUFFIXES.map(suffix => `${prefix}${suffix}`))

export const REVIEW_AUTHORS = ['Alex P.', 'Sam K.', 'Jordan M.', 'Priya S.', 'Chen L.', 'Maria G.', 'Tom B.', 'Aisha R.', 'Lukas W.', 'Emma D.'] as const
export const REVIEW_TITLES: Record<number, readonly string[]> = {
  1: ['Disappointed', 'Broke after a week', 'Not as described'],
  2: ['Meh', 'Expected more', 'Okay for the price, barely'],
  3: ['Does the job', 'Decent', 'Average quality'],
  4: ['Really good', 'Happy with it', 'Solid purchase'],
  5: ['Love it', 'Perfect', 'Best purchase this year'],
}

export function slugify(text: string): string {
  return text.toLowerCase().replace(/&/g, 'and').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
