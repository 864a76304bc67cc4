// The vocabulary the catalog generator draws from: twelve departments, each with the things it
// sells, a material palette and a price range, so names and prices read like a real shop's.

export interface Department {
  slug: string;
  name: string;
  things: string[];
  materials: string[];
  /** Price range in whole currency units. */
  price: [number, number];
}

export const departments: Department[] = [
  {
    slug: 'kitchen',
    name: 'Kitchen & Dining',
    things: ['Chef’s Knife', 'Skillet', 'Dutch Oven', 'Cutting Board', 'Espresso Cups', 'Salad Bowl', 'Tea Kettle', 'Pour-Over Set', 'Serving Platter', 'Spice Rack'],
    materials: ['Cast Iron', 'Walnut', 'Stoneware', 'Stainless Steel', 'Porcelain', 'Acacia', 'Enamel'],
    price: [9, 240],
  },
  {
    slug: 'home-decor',
    name: 'Home Decor',
    things: ['Table Lamp', 'Throw Pillow', 'Wall Mirror', 'Vase', 'Wool Throw', 'Candle Holder', 'Picture Frame', 'Area Rug', 'Clock'],
    materials: ['Linen', 'Brass', 'Rattan', 'Ceramic', 'Oak', 'Velvet', 'Glass'],
    price: [12, 420],
  },
  {
    slug: 'outdoor-garden',
    name: 'Outdoor & Garden',
    things: ['Planter', 'Garden Hose', 'Pruning Shears', 'Bird Feeder', 'Lantern', 'Hammock', 'Watering Can', 'Patio Chair', 'Raised Bed'],
    materials: ['Terracotta', 'Teak', 'Galvanized Steel', 'Recycled Plastic', 'Cedar', 'Copper'],
    price: [8, 380],
  },
  {
    slug: 'sports-fitness',
    name: 'Sports & Fitness',
    things: ['Yoga Mat', 'Kettlebell', 'Jump Rope', 'Water Bottle', 'Resistance Bands', 'Foam Roller', 'Running Belt', 'Dumbbell Set', 'Gym Bag'],
    materials: ['Cork', 'Neoprene', 'Aluminum', 'Natural Rubber', 'Recycled Nylon', 'Cast Iron'],
    price: [10, 260],
  },
  {
    slug: 'electronics',
    name: 'Electronics',
    things: ['Wireless Earbuds', 'Bluetooth Speaker', 'USB-C Charger', 'Desk Lamp', 'Mechanical Keyboard', 'Power Bank', 'Webcam', 'Smart Plug', 'Headphones'],
    materials: ['Aluminum', 'Matte Black', 'Graphite', 'Arctic White', 'Walnut-Trim', 'Carbon'],
    price: [15, 480],
  },
  {
    slug: 'books-stationery',
    name: 'Books & Stationery',
    things: ['Notebook', 'Fountain Pen', 'Sketchbook', 'Desk Organizer', 'Planner', 'Pencil Set', 'Bookends', 'Letter Tray', 'Cookbook'],
    materials: ['Leather', 'Recycled Paper', 'Brass', 'Linen-Bound', 'Bamboo', 'Kraft'],
    price: [4, 90],
  },
  {
    slug: 'toys-games',
    name: 'Toys & Games',
    things: ['Puzzle', 'Building Blocks', 'Board Game', 'Kite', 'Plush Bear', 'Train Set', 'Marble Run', 'Card Game', 'Stacking Rings'],
    materials: ['Beechwood', 'Organic Cotton', 'Cardboard', 'Felt', 'Maple', 'Recycled Plastic'],
    price: [6, 150],
  },
  {
    slug: 'apparel',
    name: 'Apparel',
    things: ['T-Shirt', 'Hoodie', 'Rain Jacket', 'Beanie', 'Scarf', 'Cardigan', 'Chinos', 'Overshirt', 'Socks'],
    materials: ['Merino', 'Organic Cotton', 'Linen', 'Cashmere', 'Corduroy', 'Denim', 'Fleece'],
    price: [9, 320],
  },
  {
    slug: 'shoes',
    name: 'Shoes',
    things: ['Sneakers', 'Chelsea Boots', 'Loafers', 'Trail Runners', 'Sandals', 'Slippers', 'Hiking Boots'],
    materials: ['Suede', 'Full-Grain Leather', 'Canvas', 'Wool', 'Recycled Mesh', 'Nubuck'],
    price: [29, 340],
  },
  {
    slug: 'beauty-care',
    name: 'Beauty & Care',
    things: ['Face Serum', 'Hand Cream', 'Shampoo Bar', 'Lip Balm', 'Body Oil', 'Bath Salts', 'Beard Oil', 'Clay Mask', 'Soap'],
    materials: ['Lavender', 'Rosehip', 'Shea', 'Oat', 'Sea Buckthorn', 'Cedarwood', 'Chamomile'],
    price: [5, 85],
  },
  {
    slug: 'tools-diy',
    name: 'Tools & DIY',
    things: ['Hammer', 'Screwdriver Set', 'Tape Measure', 'Cordless Drill', 'Work Gloves', 'Utility Knife', 'Spirit Level', 'Toolbox', 'Clamp Set'],
    materials: ['Hickory', 'Chrome Vanadium', 'Fiberglass', 'Forged Steel', 'Heavy-Duty', 'Anodized'],
    price: [7, 290],
  },
  {
    slug: 'pet-supplies',
    name: 'Pet Supplies',
    things: ['Dog Bed', 'Cat Tree', 'Leash', 'Food Bowl', 'Chew Toy', 'Harness', 'Scratching Post', 'Pet Carrier', 'Grooming Brush'],
    materials: ['Sherpa', 'Hemp', 'Bamboo', 'Waxed Canvas', 'Natural Rubber', 'Ceramic'],
    price: [6, 210],
  },
];

export const adjectives = ['Everyday', 'Classic', 'Compact', 'Handcrafted', 'Essential', 'Heritage', 'Modern', 'Nordic', 'Studio', 'Weekend', 'Artisan', 'Minimal', 'Coastal', 'Alpine', 'Urban', 'Heirloom'];

export const virtues = [
  'made to be used every day and to last for years',
  'designed in small batches with obsessive attention to detail',
  'built around a simple, honest shape that suits any home',
  'light enough to carry anywhere and tough enough to take it',
  'finished by hand, so no two are exactly alike',
  'tested by our team for a whole season before it made the shelf',
];

export const details = [
  'Ships in plastic-free packaging.',
  'Backed by our two-year guarantee.',
  'Easy to care for: wipe clean or follow the label.',
  'Part of our carbon-neutral collection.',
  'Sized to fit where you need it most.',
  'A gift people actually keep.',
];

export const uses = [
  'Looks as good on the shelf as it works in the hand.',
  'The one our customers reorder as a present.',
  'Pairs well with the rest of the collection.',
  'Thoughtful details everywhere you look, none you don’t need.',
  'Rated among our favourites by people who use it daily.',
  'Simple to start with and rewarding to keep.',
];
