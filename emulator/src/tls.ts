// The HTTPS listener's certificate (issue 23 item 2): the user's own (--tls-cert/--tls-key), or one made on first
// start for localhost, 127.0.0.1, ::1 and `oss-<region>.aliyuncs.com` / `*.oss-<region>.aliyuncs.com` of every
// served region, signed by a local CA kept beside the data (`<data>/tls/ca.pem`; a temp dir in memory) so users can
// trust that one file (NODE_EXTRA_CA_CERTS, REQUESTS_CA_BUNDLE, SSL_CERT_FILE). The CA is kept across restarts; the
// server certificate is made again when it no longer covers the regions served, is near its end, or was not
// signed by that CA.
//
// Certificates are built with node-forge (a maintained, dependency-free X.509 implementation) rather than
// hand-written ASN.1; the RSA keys come from Node's own crypto (forge's pure-JS key generation is slow), and Node's
// X509Certificate reads the kept files back.
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import forge from 'node-forge';

export interface TlsMaterial {
  cert: string;
  key: string;
  /** The local CA's certificate, to trust; undefined with the user's own certificate. */
  caPath?: string;
  /** Where the generated files are (a temp dir for an in-memory emulator). */
  dir?: string;
  /** The dir was made for this run (in memory) and goes with it. */
  temporary: boolean;
}

const DAY = 24 * 60 * 60 * 1000;
/** 825 days: the longest validity Apple's clients accept for a TLS server certificate. */
const SERVER_DAYS = 825;
const CA_YEARS = 10;
/** A server certificate this close to its end is made again at start. */
const RENEW_BEFORE = 30 * DAY;

/** The names a generated certificate covers, as subjectAltName entries. */
export function serverNames(regions: string[]): { dns: string[]; ips: string[] } {
  const dns = ['localhost'];
  for (const r of regions) dns.push(`oss-${r}.aliyuncs.com`, `*.oss-${r}.aliyuncs.com`);
  return { dns, ips: ['127.0.0.1', '::1'] };
}

function rsaKey(): { privatePem: string; key: forge.pki.rsa.PrivateKey; publicKey: forge.pki.rsa.PublicKey } {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs1', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  return {
    privatePem: privateKey,
    key: forge.pki.privateKeyFromPem(privateKey),
    publicKey: forge.pki.publicKeyFromPem(publicKey) as forge.pki.rsa.PublicKey,
  };
}

/** A positive serial number (the top bit clear: DER integers are signed). */
function serial(): string {
  const bytes = randomBytes(16);
  bytes[0] = bytes[0]! & 0x7f;
  return bytes.toString('hex');
}

function makeCa(): { certPem: string; keyPem: string } {
  const { privatePem, key, publicKey } = rsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - DAY); // tolerate a client clock a little behind
  cert.validity.notAfter = new Date(now + CA_YEARS * 365 * DAY);
  const name = [
    { name: 'commonName', value: `local-oss local CA ${randomBytes(4).toString('hex')}` },
    { name: 'organizationName', value: 'local-oss' },
  ];
  cert.setSubject(name);
  cert.setIssuer(name);
  cert.setExtensions([
    { name: 'basicConstraints', cA: true, pathLenConstraint: 0, critical: true },
    { name: 'keyUsage', keyCertSign: true, cRLSign: true, critical: true },
    { name: 'subjectKeyIdentifier' },
  ]);
  cert.sign(key, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privatePem };
}

function makeServerCert(caCertPem: string, caKeyPem: string, regions: string[]): { certPem: string; keyPem: string } {
  const ca = forge.pki.certificateFromPem(caCertPem);
  const caKey = forge.pki.privateKeyFromPem(caKeyPem);
  const { privatePem, publicKey } = rsaKey();
  const cert = forge.pki.createCertificate();
  cert.publicKey = publicKey;
  cert.serialNumber = serial();
  const now = Date.now();
  cert.validity.notBefore = new Date(now - DAY);
  cert.validity.notAfter = new Date(now + SERVER_DAYS * DAY);
  cert.setSubject([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'local-oss' }]);
  cert.setIssuer(ca.subject.attributes);
  const { dns, ips } = serverNames(regions);
  cert.setExtensions([
    { name: 'basicConstraints', cA: false, critical: true },
    { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
    { name: 'extKeyUsage', serverAuth: true },
    // type 2 = dNSName, 7 = iPAddress (RFC 5280 GeneralName)
    { name: 'subjectAltName', altNames: [...dns.map((value) => ({ type: 2, value })), ...ips.map((ip) => ({ type: 7, ip }))] },
    { name: 'subjectKeyIdentifier' },
    { name: 'authorityKeyIdentifier', keyIdentifier: ca.generateSubjectKeyIdentifier().getBytes() },
  ]);
  cert.sign(caKey, forge.md.sha256.create());
  return { certPem: forge.pki.certificateToPem(cert), keyPem: privatePem };
}

/** Whether a kept server certificate can serve this run: signed by the CA, covering every name, not near its end. */
function stillGood(certPem: string, caPem: string, regions: string[]): boolean {
  try {
    const cert = new X509Certificate(certPem);
    const ca = new X509Certificate(caPem);
    if (!cert.checkIssued(ca) || !cert.verify(ca.publicKey)) return false;
    if (Date.parse(cert.validTo) - Date.now() < RENEW_BEFORE) return false;
    const san = new Set((cert.subjectAltName ?? '').split(', '));
    const { dns, ips } = serverNames(regions);
    // IPs through checkIP: the text form of an IPv6 SAN is Node's expanded one (0:0:0:0:0:0:0:1).
    return dns.every((d) => san.has(`DNS:${d}`)) && ips.every((ip) => cert.checkIP(ip) !== undefined);
  } catch {
    return false;
  }
}

function writePrivate(path: string, pem: string): void {
  writeFileSync(path, pem, { mode: 0o600 });
  chmodSync(path, 0o600);
}

/**
 * The certificate and key for the HTTPS listener. `certFile`/`keyFile` (both or neither) are the user's own;
 * otherwise the local CA in `<dataDir>/tls` (a fresh temp dir when dataDir is undefined) signs one for `regions`.
 */
export function tlsMaterial(options: { dataDir?: string; regions: string[]; certFile?: string; keyFile?: string }): TlsMaterial {
  if ((options.certFile === undefined) !== (options.keyFile === undefined)) {
    throw new Error('--tls-cert and --tls-key go together');
  }
  if (options.certFile !== undefined && options.keyFile !== undefined) {
    return { cert: readFileSync(options.certFile, 'utf8'), key: readFileSync(options.keyFile, 'utf8'), temporary: false };
  }
  const temporary = options.dataDir === undefined;
  const dir = temporary ? mkdtempSync(join(tmpdir(), 'local-oss-tls-')) : join(options.dataDir!, 'tls');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const paths = { ca: join(dir, 'ca.pem'), caKey: join(dir, 'ca-key.pem'), cert: join(dir, 'server.pem'), key: join(dir, 'server-key.pem') };
  if (!existsSync(paths.ca) || !existsSync(paths.caKey)) {
    const ca = makeCa();
    writePrivate(paths.caKey, ca.keyPem);
    writeFileSync(paths.ca, ca.certPem);
  }
  const caPem = readFileSync(paths.ca, 'utf8');
  if (!existsSync(paths.cert) || !existsSync(paths.key) || !stillGood(readFileSync(paths.cert, 'utf8'), caPem, options.regions)) {
    const server = makeServerCert(caPem, readFileSync(paths.caKey, 'utf8'), options.regions);
    writePrivate(paths.key, server.keyPem);
    writeFileSync(paths.cert, server.certPem);
  }
  return { cert: readFileSync(paths.cert, 'utf8'), key: readFileSync(paths.key, 'utf8'), caPath: paths.ca, dir, temporary };
}
