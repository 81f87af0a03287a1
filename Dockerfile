# syntax=docker/dockerfile:1
# momento-server in a container, run the way gomomento/momento-local is:
#   docker build -t momento-server .
#   docker run --rm -p 8080:8080 momento-server            # (-p 127.0.0.1:8080:8080 keeps it off your network)
# then point any SDK at localhost:8080 without authentication, e.g. CredentialProvider.forMomentoLocal().
# With authentication instead: keep the key and its signing secret in a volume you own, and hand the key to the SDK:
#   docker run --rm -p 8080:8080 -v "$PWD/.momento:/data" --user "$(id -u):$(id -g)" momento-server \
#     --host 0.0.0.0 --port 8080 --key-file /data/api-key          # writes /data/api-key (+ api-key.secret)
# The key's endpoint is 127.0.0.1:8080: publish the same port, or mint one for another with
#   docker run --rm -v "$PWD/.momento:/data" --user "$(id -u):$(id -g)" momento-server \
#     key --secret-file /data/api-key.secret --endpoint 127.0.0.1:<host port>
# Any other flag: docker run --rm momento-server --help. Data is in memory only; `docker stop` (SIGTERM) stops it
# gracefully within 5 s.
#
# Multi-arch: docker buildx build --platform linux/amd64,linux/arm64 -t momento-server .
# The build stage runs on the build machine's own architecture and cross-compiles with scripts/server-dist (static
# musl, the same build as the npm packages; no emulation); the image is FROM scratch, the binary alone, non-root.
# Inside the container 0.0.0.0 is the container's own network: who reaches it is decided by Docker's -p.

ARG RUST_VERSION=1.95

FROM --platform=$BUILDPLATFORM rust:${RUST_VERSION}-slim-bookworm AS build
ARG TARGETPLATFORM
WORKDIR /src
# The context is an allowlist (.dockerignore): the workspace's Cargo files, src/, proto/, server/ and the script.
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target,id=momento-server-target \
    bash scripts/server-dist --profile release --out /dist "$TARGETPLATFORM" \
    && mv /dist/*/momento-server /momento-server

FROM scratch
LABEL org.opencontainers.image.title="momento-server" \
      org.opencontainers.image.description="Momento-compatible local cache server for development, tests and CI" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /momento-server /momento-server
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/momento-server"]
CMD ["--host", "0.0.0.0", "--port", "8080", "--auth", "none"]
