// Paths into the calculator's input JSON, as the core names fields in its messages:
// `costs[0].hours`, `earned_media.cpm`, `alternative.costs[1].amount`.

/** `costs[0].hours` → `['costs', 0, 'hours']`. */
function parsePath(path) {
  return path.split('.').flatMap((part) => {
    const m = /^([^[]+)((?:\[\d+\])*)$/.exec(part);
    if (!m) return [part];
    return [m[1], ...[...m[2].matchAll(/\[(\d+)\]/g)].map((x) => Number(x[1]))];
  });
}

/** The value at `path` in `obj`, or `undefined`. */
export function getPath(obj, path) {
  return parsePath(path).reduce((o, k) => (o == null ? undefined : o[k]), obj);
}

/** Sets the value at `path` in `obj`, making the objects and lists on the way. */
export function setPath(obj, path, value) {
  const keys = parsePath(path);
  let o = obj;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] == null) o[k] = typeof keys[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  o[keys[keys.length - 1]] = value;
}
