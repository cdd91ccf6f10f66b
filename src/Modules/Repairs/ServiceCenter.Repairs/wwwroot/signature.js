// The client's signature on the courier's phone (DLV-02): a finger or a mouse draws on a canvas; the page takes a PNG data URL.
const pads = new WeakMap();

export function init(canvas) {
    const ratio = window.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
    const ctx = canvas.getContext('2d');
    ctx.scale(ratio, ratio);
    ctx.lineWidth = 2.5;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111';
    const pad = { drawn: false, last: null };
    pads.set(canvas, pad);

    const point = e => {
        const r = canvas.getBoundingClientRect();
        return { x: e.clientX - r.left, y: e.clientY - r.top };
    };
    canvas.addEventListener('pointerdown', e => {
        canvas.setPointerCapture(e.pointerId);
        pad.last = point(e);
        e.preventDefault();
    });
    canvas.addEventListener('pointermove', e => {
        if (!pad.last) {
            return;
        }
        const p = point(e);
        ctx.beginPath();
        ctx.moveTo(pad.last.x, pad.last.y);
        ctx.lineTo(p.x, p.y);
        ctx.stroke();
        pad.last = p;
        pad.drawn = true;
        e.preventDefault();
    });
    const end = () => { pad.last = null; };
    canvas.addEventListener('pointerup', end);
    canvas.addEventListener('pointercancel', end);
    canvas.addEventListener('pointerleave', end);
}

export function clear(canvas) {
    const pad = pads.get(canvas);
    canvas.getContext('2d').clearRect(0, 0, canvas.width, canvas.height);
    if (pad) {
        pad.drawn = false;
    }
}

/** The drawing as a PNG data URL, or null when nothing was drawn. */
export function dataUrl(canvas) {
    const pad = pads.get(canvas);
    return pad && pad.drawn ? canvas.toDataURL('image/png') : null;
}
