// The partner's route so far on a plain SVG (no map tiles: the console works offline). Positions are projected
// equirectangularly around the centre of their bounds, north up: exact enough for the few kilometres of a delivery.
const SVG = 'http://www.w3.org/2000/svg';
const SIZE = 300;
const MARGIN = 24;
const MIN_SPAN_DEGREES = 0.002;

function element(name, attributes) {
  const node = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

export function createRouteMap(svg, caption) {
  const points = [];
  svg.setAttribute('viewBox', `0 0 ${SIZE} ${SIZE}`);
  svg.setAttribute('role', 'img');

  function draw() {
    svg.replaceChildren();
    for (let line = MARGIN; line <= SIZE - MARGIN; line += (SIZE - 2 * MARGIN) / 4) {
      svg.append(element('line', { x1: MARGIN, y1: line, x2: SIZE - MARGIN, y2: line, class: 'grid' }));
      svg.append(element('line', { x1: line, y1: MARGIN, x2: line, y2: SIZE - MARGIN, class: 'grid' }));
    }
    if (points.length === 0) {
      const text = element('text', { x: SIZE / 2, y: SIZE / 2, 'text-anchor': 'middle', class: 'empty' });
      text.textContent = 'no position yet';
      svg.append(text);
      svg.setAttribute('aria-label', 'Map of the partner\'s route: no position yet');
      caption.textContent = 'No position reported yet.';
      return;
    }
    const meanLatitude = points.reduce((sum, p) => sum + p.latitude, 0) / points.length;
    const cosine = Math.cos((meanLatitude * Math.PI) / 180);
    const planar = points.map((p) => ({ x: p.longitude * cosine, y: p.latitude }));
    const xs = planar.map((p) => p.x);
    const ys = planar.map((p) => p.y);
    const centreX = (Math.min(...xs) + Math.max(...xs)) / 2;
    const centreY = (Math.min(...ys) + Math.max(...ys)) / 2;
    const span = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), MIN_SPAN_DEGREES);
    const scale = (SIZE - 2 * MARGIN) / span;
    const screen = planar.map((p) => ({
      x: SIZE / 2 + (p.x - centreX) * scale,
      y: SIZE / 2 - (p.y - centreY) * scale,
    }));
    svg.append(element('polyline', {
      points: screen.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' '),
      class: 'route',
    }));
    svg.append(element('circle', { cx: screen[0].x, cy: screen[0].y, r: 5, class: 'start' }));
    const last = screen[screen.length - 1];
    const latest = points[points.length - 1];
    const marker = element('circle', {
      id: 'partner-marker', cx: last.x.toFixed(1), cy: last.y.toFixed(1), r: 9, class: 'marker',
      'data-latitude': latest.latitude, 'data-longitude': latest.longitude,
    });
    const title = element('title', {});
    title.textContent = `Partner at ${latest.latitude}, ${latest.longitude}`;
    marker.append(title);
    svg.append(marker);
    const description = `Partner at ${latest.latitude.toFixed(5)}, ${latest.longitude.toFixed(5)}` +
      `${latest.timestamp ? ` (${new Date(latest.timestamp).toLocaleTimeString()})` : ''}; ` +
      `${points.length} position${points.length === 1 ? '' : 's'} so far.`;
    svg.setAttribute('aria-label', `Map of the partner's route. ${description}`);
    caption.textContent = description;
  }

  draw();
  return {
    add(location) {
      const previous = points[points.length - 1];
      if (previous && previous.latitude === location.latitude && previous.longitude === location.longitude) return;
      points.push({ latitude: location.latitude, longitude: location.longitude, timestamp: location.timestamp });
      draw();
    },
    clear() {
      points.length = 0;
      draw();
    },
  };
}
