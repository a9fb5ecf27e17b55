// testcontainers module (`local-oss/testcontainers`): start the local-oss Docker image from any test suite, the
// way LocalStack or Azurite are started. testcontainers 11.x is an optional peer dependency (12.x needs Node 22).
import { AbstractStartedContainer, GenericContainer, Wait, type StartedTestContainer } from 'testcontainers';
import { OssClient, type OssClientOptions } from '@local-oss/client';

export const DEFAULT_IMAGE = 'local-oss:latest';
const PORT = 9500;

export class OssEmulatorContainer extends GenericContainer {
  private region = 'cn-hangzhou';
  private regions: string[] = [];
  private accessKeyId = 'local-oss-access-key-id';
  private accessKeySecret = 'local-oss-access-key-secret';

  constructor(image = DEFAULT_IMAGE) {
    super(image);
    this.withExposedPorts(PORT).withWaitStrategy(Wait.forHttp('/-/health', PORT).forStatusCode(200));
  }

  withRegion(region: string): this {
    this.region = region.replace(/^oss-/, '');
    return this;
  }

  withRegions(regions: string[]): this {
    this.regions = regions.map((r) => r.replace(/^oss-/, ''));
    return this;
  }

  withCredentials(accessKeyId: string, accessKeySecret: string): this {
    this.accessKeyId = accessKeyId;
    this.accessKeySecret = accessKeySecret;
    return this;
  }

  override async start(): Promise<StartedOssEmulatorContainer> {
    this.withEnvironment({
      LOCAL_OSS_REGION: this.region,
      LOCAL_OSS_ACCESS_KEY_ID: this.accessKeyId,
      LOCAL_OSS_ACCESS_KEY_SECRET: this.accessKeySecret,
      ...(this.regions.length ? { LOCAL_OSS_REGIONS: this.regions.join(',') } : {}),
    });
    const started = await super.start();
    return new StartedOssEmulatorContainer(started, this.region, this.accessKeyId, this.accessKeySecret);
  }
}

export class StartedOssEmulatorContainer extends AbstractStartedContainer {
  constructor(
    started: StartedTestContainer,
    private readonly region: string,
    private readonly accessKeyId: string,
    private readonly accessKeySecret: string,
  ) {
    super(started);
  }

  /** `http://host:port` to give an SDK as its endpoint. */
  getEndpoint(): string {
    return `http://${this.getHost()}:${this.getMappedPort(PORT)}`;
  }

  getRegion(): string {
    return this.region;
  }

  getCredentials(): { accessKeyId: string; accessKeySecret: string } {
    return { accessKeyId: this.accessKeyId, accessKeySecret: this.accessKeySecret };
  }

  /** An OssClient pointed at this container. */
  createClient(options: Partial<OssClientOptions> = {}): OssClient {
    return new OssClient({ endpoint: this.getEndpoint(), region: this.region, credentials: this.getCredentials(), ...options });
  }
}
