// Validators that confirm a number really is what its shape suggests: the GB 11643 check digit,
// birth date and region of a resident ID, and the Luhn check and issuer prefix of a bank card.

/** Luhn (mod 10) over a string of ASCII digits. */
export function luhnOk(digits: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = digits.length - 1; i >= 0; i--) {
    let d = digits.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits.length > 0 && sum % 10 === 0;
}

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10x98765432';

/** GB 11643-1999 check character (MOD 11-2) of the first 17 digits; lower-case x for 10. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/**
 * First two digits of a resident ID: the provinces (11–65), Taiwan 71, Hong Kong 81, Macao 82,
 * the 83 of Taiwan residents' mainland permits, and 91/93 of foreigners' permanent residence IDs.
 */
const PROVINCES = [11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65];
const ID_REGIONS = new Set([...PROVINCES, 71, 81, 82, 83, 91, 93]);
/** The old 15-digit IDs (issued until 1999) only ever carried a province code. */
const ID15_REGIONS = new Set(PROVINCES);

export function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return d <= days[m - 1]!;
}

export type IdProblem = 'length' | 'region' | 'date' | 'checksum' | null;

/** Why an 18-character ID is not valid, or null when it is. `id` is lower-case. */
export function idCardProblem(id: string): IdProblem {
  if (!/^\d{17}[\dx]$/.test(id)) return 'length';
  if (!ID_REGIONS.has(Number(id.slice(0, 2)))) return 'region';
  const y = Number(id.slice(6, 10));
  if (y < 1880 || y > 2099 || !validDate(y, Number(id.slice(10, 12)), Number(id.slice(12, 14)))) return 'date';
  if (idCheckChar(id) !== id[17]) return 'checksum';
  return null;
}

/** Why a 15-digit (first-generation) ID is not valid, or null: province code and 19yymmdd birth date. */
export function idCard15Problem(id: string): Exclude<IdProblem, 'checksum'> {
  if (!/^\d{15}$/.test(id)) return 'length';
  if (!ID15_REGIONS.has(Number(id.slice(0, 2)))) return 'region';
  if (!validDate(1900 + Number(id.slice(6, 8)), Number(id.slice(8, 10)), Number(id.slice(10, 12)))) return 'date';
  return null;
}

/**
 * True when 18 characters carry a valid region and birth date, whatever the check character: such a
 * number is an ID (perhaps mistyped), never a bank card, even when it happens to pass Luhn.
 */
export function idShaped(id: string): boolean {
  const problem = idCardProblem(id);
  return problem === null || problem === 'checksum';
}

/**
 * Issuer ranges (IIN) of cards used in China, with the lengths each issues: UnionPay 62 and 81
 * (16–19), Visa 4 (16, 19), Mastercard 51–55 and 2221–2720 (16), JCB 35 (16–19), Discover /
 * UnionPay 60 and 65 (16–19), Diners 30/36/38/39 (16–19), and the 9-prefixed domestic debit
 * cards some banks still issue (16–19).
 */
export function cardIssuer(digits: string): { name: string; lengths: readonly number[] } | null {
  const two = Number(digits.slice(0, 2));
  const four = Number(digits.slice(0, 4));
  if (two === 62 || two === 81) return { name: 'UnionPay', lengths: ANY };
  if (digits[0] === '4') return { name: 'Visa', lengths: [16, 19] };
  if ((two >= 51 && two <= 55) || (four >= 2221 && four <= 2720)) return { name: 'Mastercard', lengths: [16] };
  if (two === 35) return { name: 'JCB', lengths: ANY };
  if (two === 60 || two === 65) return { name: 'Discover/UnionPay', lengths: ANY };
  if (two === 30 || two === 36 || two === 38 || two === 39) return { name: 'Diners', lengths: ANY };
  if (digits[0] === '9') return { name: 'domestic debit', lengths: ANY };
  return null;
}

const ANY = [16, 17, 18, 19] as const;
