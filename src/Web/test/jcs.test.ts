import { describe, expect, it } from 'vitest';
import { canonicalize } from '../src/crypto/jcs';

describe('JCS (RFC 8785)', () => {
  it('sorts members by UTF-16 code units and drops whitespace (RFC 8785 §3.2.3 example order)', () => {
    const input = { '\u20ac': 'Euro Sign', '\r': 'Carriage Return', '\ufb33': 'Hebrew Letter Dalet With Dagesh', '1': 'One', '\ud83d\ude00': 'Emoji: Grinning Face', '\u0080': 'Control', '\u00f6': 'Latin Small Letter O With Diaeresis' };
    // RFC 8785 §3.2.3 gives this order (checked on the text: JS objects would move the integer-like key first).
    const order = ['Carriage Return', 'One', 'Control', 'Latin Small', 'Euro', 'Emoji', 'Hebrew'];
    const text = canonicalize(input);
    const positions = order.map((v) => text.indexOf(v));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text.startsWith('{"\\r":"Carriage Return","1":"One","\u0080":')).toBe(true);
  });

  it('serializes numbers and strings like ECMAScript', () => {
    expect(canonicalize({ b: [1, 1e21, 0.1, -0], a: 'é\n"', c: null, d: true })).toBe('{"a":"é\\n\\"","b":[1,1e+21,0.1,0],"c":null,"d":true}');
    expect(() => canonicalize({ x: Number.NaN })).toThrow();
  });
});
