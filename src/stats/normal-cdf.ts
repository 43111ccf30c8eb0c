// Standard normal CDF, accurate to about 1e-15 absolute and to high relative accuracy in the
// tails, so the quantile function can polish its answer with it and tail p-values stay meaningful.

const LOG_SQRT_2PI = 0.9189385332046728; // ln √(2π)
/** Beyond this |z| the tail is computed directly, so tiny probabilities keep their relative precision. */
const TAIL_START = 3;
const TAIL_TERMS = 80;

/** P(Z ≤ z) for a standard normal Z. */
export function normalCdf(z: number): number {
  if (Number.isNaN(z)) return Number.NaN;
  if (z < -TAIL_START) return upperTail(-z);
  if (z > TAIL_START) return 1 - upperTail(z);
  return centralCdf(z);
}

/**
 * Φ(z) = ½ + φ(z)·(z + z³/3 + z⁵/(3·5) + …) (Marsaglia, 2004). Every term has the sign of z,
 * so the series has no cancellation; it stops when adding a term no longer changes the sum.
 */
function centralCdf(z: number): number {
  const q = z * z;
  let sum = z;
  let term = z;
  let previous = 0;
  for (let i = 1; sum !== previous; ) {
    previous = sum;
    i += 2;
    term *= q / i;
    sum = previous + term;
  }
  return 0.5 + sum * Math.exp(-0.5 * q - LOG_SQRT_2PI);
}

/**
 * Q(x) = 1 − Φ(x) for x > 0 by Laplace's continued fraction φ(x) / (x + 1/(x + 2/(x + 3/(x + …)))),
 * evaluated from the back; for x ≥ 3 eighty terms already reach machine precision.
 */
function upperTail(x: number): number {
  if (x > 40) return 0; // below the smallest double
  let fraction = x;
  for (let k = TAIL_TERMS; k >= 1; k--) fraction = x + k / fraction;
  return Math.exp(-0.5 * x * x - LOG_SQRT_2PI) / fraction;
}
