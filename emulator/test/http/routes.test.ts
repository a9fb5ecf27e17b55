// The dispatch table is first-match: a plain route listed before a sub-resource route of the same method and
// scope would swallow it (GET /?worm answered as ListObjects). Guard the order.
import { describe, expect, it } from 'vitest';
import { routes } from '../../src/http/routes.js';

describe('route table', () => {
  it('lists every sub-resource or conditional route before the plain route it refines', () => {
    routes.forEach((route, i) => {
      if (route.sub === undefined && route.when === undefined) return;
      const shadowing = routes
        .slice(0, i)
        .find((r) => r.method === route.method && r.scope === route.scope && r.sub === undefined && r.when === undefined);
      expect(shadowing, `${route.method} ${route.scope} ?${route.sub ?? '(when)'}`).toBeUndefined();
    });
  });
});
