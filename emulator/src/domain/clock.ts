// The emulator's notion of now (issue 23 item 3): real time plus an offset a test sets (PUT /-/clock, --clock-offset),
// for everything that expires or ages — bucket retention periods and object retention, presigned URL and STS expiry,
// Last-Modified and creation dates of new writes — so that a test can see a retention lapse or a URL expire without
// waiting. Request signatures are still checked for skew against the real clock: the SDKs sign with the machine's.
export class Clock {
  private offsetMs: number;

  constructor(offsetSeconds = 0) {
    this.offsetMs = Math.round(offsetSeconds * 1000);
  }

  now(): number {
    return Date.now() + this.offsetMs;
  }

  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  setOffset(offsetSeconds: number): void {
    this.offsetMs = Math.round(offsetSeconds * 1000);
  }
}
