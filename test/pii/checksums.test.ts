// Unit tests of the validators: Luhn, GB 11643 (check character, regions, birth dates), the
// 15-digit ID, the ID/card overlap and the card issuer prefixes. All numbers are made up here.
import { describe, expect, it } from 'vitest';
import { cardIssuer, idCard15Problem, idCardProblem, idCheckChar, idShaped, luhnOk, validDate } from '../../src/pii/checksums.js';

describe('luhnOk', () => {
  it.each([
    ['6228480012345671', true],
    ['6217001234567890122', true],
    ['4556123456789015', true],
    ['79927398713', true], // the textbook example
    ['0', true],
    ['6228480012345672', false], // last digit off by one
    ['6228480012345617', false], // two digits swapped
    ['79927398710', false],
    ['', false],
    ['622848001234567a', false],
    ['6228 4800 1234 5671', false], // callers strip separators first
  ])('%s → %s', (digits, ok) => {
    expect(luhnOk(digits)).toBe(ok);
  });
});

describe('idCheckChar (GB 11643 MOD 11-2)', () => {
  it.each([
    ['11010519850612124', '8'],
    ['11010519850612123', 'x'], // 10 is written x, lower case after normalisation
    ['44030519920229456', '3'],
    ['81000019950101001', '5'],
  ])('%s → %s', (first17, check) => {
    expect(idCheckChar(first17)).toBe(check);
  });
});

describe('idCardProblem', () => {
  it.each([
    ['110105198506121248', null],
    ['11010519850612123x', null], // lower-case x
    ['11010519850612123X', 'length'], // callers lower-case first (the normaliser does)
    ['810000199501010015', null], // Hong Kong resident (81)
    ['820000198808080023', null], // Macao resident (82)
    ['830000200103150038', null], // Taiwan resident (83)
    ['910000197505050043', null], // foreigner's permanent residence ID (91)
    ['931101199001010051', null], // new-style foreigner's permanent residence ID (93)
    ['110105200002291235', null], // 2000 is a leap year
    ['110105199602291233', null],
    ['110105198506121249', 'checksum'],
    ['110105202302291236', 'date'], // 2023 is not a leap year
    ['110105190002291239', 'date'], // 1900 is not a leap year
    ['110105199002301231', 'date'], // 30 February
    ['11010519901301123x', 'date'], // month 13
    ['110105199001001237', 'date'], // day 0
    ['110105199001321230', 'date'], // day 32
    ['11010518790101123x', 'date'], // before 1880
    ['110105210001011237', 'date'], // after 2099
    ['990105198506121233', 'region'],
    ['100105198506121238', 'region'],
    ['720105198506121233', 'region'],
    ['920105198506121230', 'region'],
    ['11010519850612124', 'length'],
    ['1101051985061212488', 'length'],
    ['t10105198506121248', 'length'],
  ])('%s → %s', (id, problem) => {
    expect(idCardProblem(id)).toBe(problem);
  });
});

describe('idCard15Problem (first-generation, no check digit)', () => {
  it.each([
    ['150102880730303', null],
    ['410001910101123', null],
    ['360198910283844', 'date'], // day 83
    ['110105000229123', 'date'], // 00 is read as 1900, which is not a leap year
    ['110105960229123', null], // 1996-02-29 exists
    ['815727834224151', 'region'], // 81 is not a province: no 15-digit IDs were issued there
    ['990102880730303', 'region'],
    ['15010288073030', 'length'],
  ])('%s → %s', (id, problem) => {
    expect(idCard15Problem(id)).toBe(problem);
  });
});

describe('validDate', () => {
  it.each([
    [2000, 2, 29, true],
    [2024, 2, 29, true],
    [2023, 2, 29, false],
    [1900, 2, 29, false],
    [2023, 4, 31, false],
    [2023, 12, 31, true],
    [2023, 0, 10, false],
    [2023, 13, 1, false],
    [2023, 1, 0, false],
  ])('%i-%i-%i → %s', (y, m, d, ok) => {
    expect(validDate(y, m, d)).toBe(ok);
  });
});

describe('idShaped: region and birth date of an ID, whatever the check character', () => {
  it.each([
    ['110105198506121248', true],
    ['110105198506121249', true], // a mistyped ID is still an ID
    ['620102199001011008', true], // and stays one even when it passes Luhn
    ['621661280000447287', false], // 2800 is no birth year: an 18-digit card
    ['990105198506121233', false],
  ])('%s → %s', (id, shaped) => {
    expect(idShaped(id)).toBe(shaped);
  });
});

describe('cardIssuer', () => {
  it.each([
    ['6228480012345671', 'UnionPay'],
    ['8100001234567890', 'UnionPay'],
    ['4556123456789015', 'Visa'],
    ['5200001234567894', 'Mastercard'],
    ['2221001234567890', 'Mastercard'],
    ['2720991234567890', 'Mastercard'],
    ['3568123456789013', 'JCB'],
    ['60111234567890129', 'Discover/UnionPay'],
    ['3612345678901234', 'Diners'],
    ['9558801234567890', 'domestic debit'],
    ['7123456789012342', null],
    ['1234567812345670', null],
    ['2720991234567890'.replace('2720', '2721'), null],
  ])('%s → %s', (digits, issuer) => {
    expect(cardIssuer(digits)?.name ?? null).toBe(issuer);
  });

  it('knows the lengths each issuer uses: a 17-digit Mastercard number is none', () => {
    expect(cardIssuer('5477801972070715')!.lengths).toEqual([16]);
    expect(cardIssuer('4556123456789015')!.lengths).toEqual([16, 19]);
    expect(cardIssuer('6228480012345671')!.lengths).toEqual([16, 17, 18, 19]);
  });
});
