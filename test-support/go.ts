// Go for tests: the go-v1 conformance driver builds its adapter with Debian's golang-go against Debian's Go SDK v1
// (golang-github-aliyun-aliyun-oss-go-sdk-dev). Where either is missing its tests skip with a printed reason naming
// the packages, and fail instead under REQUIRE_GO=1 (.ci/run installs both).
import { goV1Adapter } from '@local-oss/conformance';

/** undefined when the adapter builds (once per process); otherwise why not (thrown under REQUIRE_GO=1). */
export async function goV1OrSkipReason(): Promise<string | undefined> {
  const built = await goV1Adapter();
  const reason = built.ok ? undefined : built.reason;
  if (reason && process.env.REQUIRE_GO === '1') throw new Error(`REQUIRE_GO=1 but ${reason}`);
  return reason;
}
