// Camera and marking canvas of the repair photo dialog (REP-09).
// The marks are kept as shapes and redrawn on every change, so undo and clear are exact, and the
// pointer never waits for a round trip to the server.

const sessions = new WeakMap();

/** Starts the camera into the video element; returns null, or the error's name for the dialog to explain. */
export async function start(video) {
    if (!window.isSecureContext || !navigator.mediaDevices?.getUserMedia) {
        return 'insecure';
    }
    try {
        const stream = await navigator.mediaDevices.getUserMedia({
            // The back camera of a phone or tablet: the device on the counter, not the technician.
            video: { facingMode: { ideal: 'environment' }, width: { ideal: 1920 }, height: { ideal: 1080 } },
            audio: false,
        });
        video.srcObject = stream;
        if (!video.videoWidth) {
            await new Promise(resolve => video.addEventListener('loadedmetadata', resolve, { once: true }));
        }
        await video.play();
        return null;
    } catch (e) {
        return e?.name || 'Error';
    }
}

/** Stops every track, so the camera light goes off when the dialog closes. */
export function stop(video) {
    const stream = video?.srcObject;
    if (stream) {
        stream.getTracks().forEach(t => t.stop());
        video.srcObject = null;
    }
}

/** Freezes the current frame onto the photo canvas and makes the overlay ready for marks. */
export function capture(video, photo, overlay, options) {
    const w = video.videoWidth || 640;
    const h = video.videoHeight || 480;
    photo.width = w;
    photo.height = h;
    overlay.width = w;
    overlay.height = h;
    photo.getContext('2d').drawImage(video, 0, 0, w, h);

    let s = sessions.get(overlay);
    if (!s) {
        s = { tool: 'pen', color: '#e53935', text: '', shapes: [], current: null, overlay, prompt: '' };
        attach(s);
        sessions.set(overlay, s);
    }
    s.shapes = [];
    s.current = null;
    s.prompt = options?.prompt || '';
    s.lineWidth = Math.max(3, Math.round(w / 240));
    s.fontSize = Math.max(18, Math.round(w / 28));
    redraw(s);
}

export function setTool(overlay, tool) { const s = sessions.get(overlay); if (s) s.tool = tool; }
export function setColor(overlay, color) { const s = sessions.get(overlay); if (s) s.color = color; }
export function setText(overlay, text) { const s = sessions.get(overlay); if (s) s.text = text || ''; }
export function undo(overlay) { const s = sessions.get(overlay); if (s) { s.shapes.pop(); redraw(s); } }
export function clear(overlay) { const s = sessions.get(overlay); if (s) { s.shapes = []; redraw(s); } }
export function hasMarks(overlay) { return (sessions.get(overlay)?.shapes.length ?? 0) > 0; }

/** The frame as taken (JPEG). Returned as a Blob: Blazor streams it to .NET in chunks. */
export function exportOriginal(photo) {
    return toBlob(photo);
}

/** The frame with the marks flattened onto it (JPEG). */
export function exportAnnotated(photo, overlay) {
    const flat = document.createElement('canvas');
    flat.width = photo.width;
    flat.height = photo.height;
    const g = flat.getContext('2d');
    g.drawImage(photo, 0, 0);
    g.drawImage(overlay, 0, 0);
    return toBlob(flat);
}

export function detach(overlay) {
    const s = sessions.get(overlay);
    if (s) {
        s.abort.abort();
        sessions.delete(overlay);
    }
}

function toBlob(canvas) {
    return new Promise((resolve, reject) =>
        canvas.toBlob(b => (b ? resolve(b) : reject(new Error('The image could not be encoded'))), 'image/jpeg', 0.92));
}

function point(s, e) {
    const r = s.overlay.getBoundingClientRect();
    return { x: (e.clientX - r.left) * s.overlay.width / r.width, y: (e.clientY - r.top) * s.overlay.height / r.height };
}

function attach(s) {
    s.abort = new AbortController();
    const o = s.overlay;
    const opts = { signal: s.abort.signal };
    o.addEventListener('pointerdown', e => {
        if (e.button !== 0) return;
        e.preventDefault();
        const p = point(s, e);
        if (s.tool === 'text') {
            const text = s.text || window.prompt(s.prompt) || '';
            if (text.trim()) {
                s.shapes.push({ type: 'text', color: s.color, x: p.x, y: p.y, text: text.trim(), size: s.fontSize });
                redraw(s);
            }
            return;
        }
        o.setPointerCapture(e.pointerId);
        s.current = { type: s.tool, color: s.color, width: s.lineWidth, points: [p], from: p, to: p };
    }, opts);
    o.addEventListener('pointermove', e => {
        if (!s.current) return;
        const p = point(s, e);
        if (s.current.type === 'pen') s.current.points.push(p); else s.current.to = p;
        redraw(s);
    }, opts);
    const finish = () => {
        const c = s.current;
        s.current = null;
        if (!c) return;
        // A click without a drag leaves no mark (except a pen dot).
        const moved = Math.hypot(c.to.x - c.from.x, c.to.y - c.from.y) > 3;
        if (c.type === 'pen' || moved) s.shapes.push(c);
        redraw(s);
    };
    o.addEventListener('pointerup', finish, opts);
    o.addEventListener('pointercancel', finish, opts);
}

function redraw(s) {
    const g = s.overlay.getContext('2d');
    g.clearRect(0, 0, s.overlay.width, s.overlay.height);
    for (const shape of s.current ? [...s.shapes, s.current] : s.shapes) draw(g, shape);
}

function draw(g, m) {
    g.save();
    g.strokeStyle = m.color;
    g.fillStyle = m.color;
    g.lineWidth = m.width;
    g.lineCap = 'round';
    g.lineJoin = 'round';
    switch (m.type) {
        case 'pen': {
            g.beginPath();
            g.moveTo(m.points[0].x, m.points[0].y);
            for (const p of m.points.slice(1)) g.lineTo(p.x, p.y);
            if (m.points.length === 1) g.lineTo(m.points[0].x + 0.1, m.points[0].y);
            g.stroke();
            break;
        }
        case 'rect':
            g.strokeRect(Math.min(m.from.x, m.to.x), Math.min(m.from.y, m.to.y), Math.abs(m.to.x - m.from.x), Math.abs(m.to.y - m.from.y));
            break;
        case 'arrow': {
            const angle = Math.atan2(m.to.y - m.from.y, m.to.x - m.from.x);
            const head = m.width * 4 + 10;
            g.beginPath();
            g.moveTo(m.from.x, m.from.y);
            g.lineTo(m.to.x, m.to.y);
            g.moveTo(m.to.x, m.to.y);
            g.lineTo(m.to.x - head * Math.cos(angle - Math.PI / 7), m.to.y - head * Math.sin(angle - Math.PI / 7));
            g.moveTo(m.to.x, m.to.y);
            g.lineTo(m.to.x - head * Math.cos(angle + Math.PI / 7), m.to.y - head * Math.sin(angle + Math.PI / 7));
            g.stroke();
            break;
        }
        case 'text': {
            g.font = `bold ${m.size}px sans-serif`;
            g.textBaseline = 'middle';
            // A dark outline keeps light colours readable on a bright photo and vice versa.
            g.lineWidth = Math.max(2, m.size / 8);
            g.strokeStyle = m.color === '#212121' ? '#ffffff' : 'rgba(0,0,0,0.75)';
            g.strokeText(m.text, m.x, m.y);
            g.fillText(m.text, m.x, m.y);
            break;
        }
    }
    g.restore();
}
