/**
 * The numbers customers paste into messages, drawn from a seeded generator: order numbers in
 * the shapes shops use (A10023, 19-digit Taobao numbers, 11-digit numbers that look like
 * phones), phone and tracking numbers, amounts — and, as customers often do in screenshots
 * and copies, some of them masked (`2024****8812`, `138****5678`).
 */
function digits(count: number, random: () => number): string {
  let out = '';
  for (let i = 0; i < count; i++) out += Math.floor(random() * 10);
  return out;
}

function letter(random: () => number): string {
  return String.fromCharCode(65 + Math.floor(random() * 26));
}

function masked(number: string, random: () => number): string {
  if (number.length < 8 || random() > 0.15) return number;
  return `${number.slice(0, 3)}****${number.slice(-4)}`;
}

const DRAWERS: Record<string, (random: () => number) => string> = {
  order: (random) => {
    const shape = random();
    if (shape < 0.35) return `${letter(random)}${digits(5, random)}`;
    if (shape < 0.6) return masked(`2024${digits(15, random)}`, random);
    if (shape < 0.8) return masked(`1${3 + Math.floor(random() * 7)}${digits(9, random)}`, random);
    return `${letter(random)}${letter(random)}${digits(8, random)}`;
  },
  phone: (random) => masked(`1${3 + Math.floor(random() * 7)}${digits(9, random)}`, random),
  tracking: (random) => {
    const shape = random();
    if (shape < 0.4) return `SF${digits(12, random)}`;
    if (shape < 0.7) return `YT${digits(13, random)}`;
    return `7${digits(13, random)}`;
  },
  amount: (random) =>
    String([9.9, 19, 39, 59, 88, 99, 129, 199, 299, 520, 1299][Math.floor(random() * 11)]),
  n: (random) => String(1 + Math.floor(random() * 9)),
};

/** A drawer for `{#kind}` slots; an unknown kind is an error naming it. */
export function customerNumbers(random: () => number): (kind: string) => string {
  return (kind) => {
    const draw = DRAWERS[kind];
    if (!draw) throw new RangeError(`Unknown number slot {#${kind}}`);
    return draw(random);
  };
}
