import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  centreBesideCover,
  fitPadding,
  MAX_FIT_ZOOM,
  visibleRect,
  zoomToFit,
} from '../../../../renderer/canvas/fit-view';

describe('zoomToFit', () => {
  it('fits the bounds into what the padding leaves, never past 100 %', () => {
    const padding = fitPadding(0);
    // 40 + 40 px left and right: 920 px for a 9200 px wide flow.
    const zoom = zoomToFit({ x: 0, y: 0, width: 9200, height: 100 }, 1000, 800, padding);
    assert.ok(zoom !== undefined && Math.abs(zoom - 0.1) < 1e-9, String(zoom));
    assert.equal(
      zoomToFit({ x: 0, y: 0, width: 10, height: 10 }, 1000, 800, padding),
      MAX_FIT_ZOOM,
    );
  });

  it('counts the inspector cover on the right as padding', () => {
    const bounds = { x: 0, y: 0, width: 1000, height: 100 };
    const open = zoomToFit(bounds, 1000, 800, fitPadding(400));
    // 1000 - 40 - (40 + 400) = 520 px for 1000 px.
    assert.ok(open !== undefined && Math.abs(open - 0.52) < 1e-9, String(open));
  });

  it('goes as low as a very wide flow needs (no floor of its own)', () => {
    const zoom = zoomToFit({ x: 0, y: 0, width: 1_000_000, height: 100 }, 1000, 800, fitPadding(0));
    assert.ok(zoom !== undefined && zoom < 0.001, String(zoom));
  });

  it('has nothing to fit in an empty flow or an unmeasured pane', () => {
    assert.equal(
      zoomToFit({ x: 0, y: 0, width: 0, height: 0 }, 1000, 800, fitPadding(0)),
      undefined,
    );
    assert.equal(zoomToFit({ x: 0, y: 0, width: 10, height: 10 }, 0, 0, fitPadding(0)), undefined);
  });
});

describe('visibleRect and centreBesideCover', () => {
  it('takes the cover off the right edge, never past the left', () => {
    const pane = { left: 100, top: 50, right: 1100, bottom: 850 };
    assert.deepEqual(visibleRect(pane, 400), { left: 100, top: 50, right: 700, bottom: 850 });
    assert.deepEqual(visibleRect(pane, 5000), { left: 100, top: 50, right: 100, bottom: 850 });
  });

  it('reads a DOMRect-like box, whose fields are getters (a spread would lose them)', () => {
    class RectWithGetters {
      get left() {
        return 100;
      }
      get top() {
        return 50;
      }
      get right() {
        return 1100;
      }
      get bottom() {
        return 850;
      }
    }
    assert.deepEqual(visibleRect(new RectWithGetters(), 400), {
      left: 100,
      top: 50,
      right: 700,
      bottom: 850,
    });
  });

  it('centres right of the point by half the cover, in flow units', () => {
    assert.deepEqual(centreBesideCover({ x: 10, y: 20 }, 0.5, 400), { x: 410, y: 20 });
    assert.deepEqual(centreBesideCover({ x: 10, y: 20 }, 1, 0), { x: 10, y: 20 });
  });
});
