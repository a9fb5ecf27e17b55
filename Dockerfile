# local-oss emulator image. Build stage compiles TypeScript and better-sqlite3; the runtime stage carries only
# the emulator, the client it imports and their production dependencies.
FROM node:20-bookworm-slim AS build
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY client/package.json client/tsconfig.json client/
COPY emulator/package.json emulator/tsconfig.json emulator/
COPY conformance/package.json conformance/tsconfig.json conformance/
# Dependencies first (cached while only sources change); `prepare` (tsc -b) runs after the sources arrive.
RUN npm ci --ignore-scripts \
 && npm rebuild better-sqlite3
COPY client/src client/src
COPY emulator/src emulator/src
COPY conformance/src conformance/src
RUN npx tsc -b client emulator \
 && npm prune --omit=dev \
 && rm -rf node_modules/@local-oss/conformance

FROM node:20-bookworm-slim
# The fonts of OSS's text watermarks (x-oss-process watermark type_: wqy-zenhei, the default, wqy-microhei,
# droidsansfallback; domain/imageWatermark.ts): sharp's Pango draws with these files; the slim image has no fonts.
RUN apt-get update \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends fonts-wqy-zenhei fonts-wqy-microhei fonts-droid-fallback \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production \
    LOCAL_OSS_HOST=0.0.0.0 \
    LOCAL_OSS_PORT=9500 \
    LOCAL_OSS_HTTPS_PORT=9443 \
    LOCAL_OSS_DATA=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules node_modules
COPY --from=build /app/client/package.json client/
COPY --from=build /app/client/dist client/dist
COPY --from=build /app/emulator/package.json emulator/
COPY --from=build /app/emulator/dist emulator/dist
RUN mkdir -p /data && chown 1000:1000 /data
# No user database in the minimal base image: a numeric non-root uid is enough.
USER 1000:1000
VOLUME /data
# 9443: HTTPS, with a certificate signed by the local CA made on first start in /data/tls/ca.pem (the path is
# printed; `docker cp <container>:/data/tls/ca.pem .` to trust it). LOCAL_OSS_HTTPS_PORT= (empty) turns it off.
EXPOSE 9500 9443
HEALTHCHECK --interval=5s --timeout=3s --start-period=5s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.LOCAL_OSS_PORT||9500)+'/-/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# Exec form: node is PID 1's only child-free process and receives SIGTERM directly.
ENTRYPOINT ["node", "/app/emulator/dist/cli.js"]
