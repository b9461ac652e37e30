/** p50/p99/max of a list of numbers (nearest rank). */
function percentiles(values) {
  const s = [...values].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  return { n: s.length, p50: at(50), p99: at(99), max: s[s.length - 1] };
}
module.exports = { percentiles };
