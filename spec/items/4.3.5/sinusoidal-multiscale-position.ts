import { check, defineItem } from '../../engine/item.ts';
import { agreement } from '../../engine/close.ts';
import { elementary, tolerance } from '../../engine/tolerance.ts';
import { given, t } from '../../engine/text.ts';
import { encodingWidth, positionOffsetCase } from '../../domains/positional.ts';
import { positionFrequencies, sinusoidalEncoding } from '../../../impl/index.ts';

const BASE = 10_000;
/** ω_i = 10000^{−2i/d} in closed form (Vaswani et al.), independent of impl's frequencies. */
const omega = (d: number, i: number) => Math.exp((-2 * i / d) * Math.log(BASE));

export default defineItem({
  id: 'sinusoidal-multiscale-position', kind: 'claim', section: '4.3.5',
  quote: '为模型提供了不同尺度的位置信息',
  statement: t`Each frequency of the sinusoidal encoding carries position at its own scale: its pair (sin ω_i p, cos ω_i p) moves by \
2|sin(ω_iΔ/2)| between positions p and p + Δ wherever p is, growing with |Δ| up to its half-wavelength π/ω_i and wrapping beyond it; with \
ω_i = ${given(BASE)}^{−2i/d} these scales are spread geometrically, by a factor ${given(BASE)}^{2/d} from one pair to the next, from π to \
π·${given(BASE)}^{(d−2)/d}.`,
  expectedVerdict: 'holds',
  checks: [
    check({
      name: 'pair i: ‖e_i(p + Δ) − e_i(p)‖ (impl sinusoidalEncoding) ↔ 2|sin(ω_iΔ/2)|, whatever p', role: 'claim', reference: ['impl', 'closed-form'],
      arbitrary: positionOffsetCase(), runs: 'default',
      evaluate: (cs, ctx) => cs.map(({ d, pair, p, delta }) => {
        const a = sinusoidalEncoding(p, d), b = sinusoidalEncoding(p + delta, d);
        const chord = Math.hypot(b[2 * pair]! - a[2 * pair]!, b[2 * pair + 1]! - a[2 * pair + 1]!);
        const w = omega(d, pair);
        // Entries of size ≤ 1 (chord ≤ 2). The angles ω(p + Δ), ωp and ωΔ/2 are rounded relative to their size (≤ ω(p + |Δ|)), which
        // moves a sine or cosine absolutely by that much times u; and ω itself, a power of 10000 on each side, carries a relative error of
        // u·(1 + ln 10000) (its exponent's rounding times |exponent·ln 10000| ≤ ln 10000), which moves the angle ωΔ by that times ω|Δ|.
        const condition = 1 + 2 * w * (p + Math.abs(delta)) + (1 + Math.log(BASE)) * w * Math.abs(delta);
        return agreement(chord, 2 * Math.abs(Math.sin((w * delta) / 2)), tolerance({ dtypes: ctx.dtypes, operations: elementary(5) + 4, scale: 2, condition }), `d = ${d}, pair ${pair}: ω = ${w.toPrecision(4)}, half-wavelength ${(Math.PI / w).toPrecision(4)}`);
      }),
    }),
    check({
      name: 'scales: half-wavelengths π/ω_i of the encoding (impl positionFrequencies) ↔ π·10000^{2i/d}, relative, every pair', role: 'claim',
      reference: ['impl', 'closed-form'], arbitrary: encodingWidth(), runs: 100,
      evaluate: (ds, ctx) => ds.map((d) => {
        const measured = positionFrequencies(d).map((w) => Math.PI / w);
        const worst = Math.max(...measured.map((h, i) => Math.abs(h / (Math.PI / omega(d, i)) - 1)));
        // Two powers of 10000 (one each side) whose relative error is the exponent's rounding times |exponent·ln 10000| ≤ ln 10000.
        return { value: worst, bound: tolerance({ dtypes: ctx.dtypes, operations: elementary(2) + 2, scale: 1, condition: 1 + 2 * Math.log(BASE) }),
          note: `d = ${d}: scales from ${measured[0]!.toPrecision(4)} to ${measured[measured.length - 1]!.toPrecision(4)}` };
      }),
    }),
  ],
});
