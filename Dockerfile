# syntax=docker/dockerfile:1
# momento-server in a container, run the way gomomento/momento-local is:
#   docker build -t momento-server .
#   mkdir -p .momento
#   docker run --rm -p 127.0.0.1:8080:8080 -v "$PWD/.momento:/data" --user "$(id -u):$(id -g)" momento-server
# It writes a root API key to .momento/api-key (signing secret beside it, so keys survive restarts): hand it to any
# SDK as the API key; its endpoint is 127.0.0.1:8080. Without the volume the key stays inside the container:
#   docker run -d --name momento -p 127.0.0.1:8080:8080 momento-server && docker cp momento:/data/api-key .
# Defaults (CMD): --host 0.0.0.0 --port 8080 --allow-plaintext --key-file /data/api-key. Inside the container 0.0.0.0
# is the container's own network; who reaches it is decided by -p (127.0.0.1:8080:8080 keeps it on this machine;
# -p 8080:8080 publishes it on every interface). momento-server refuses plaintext beyond loopback unless
# --allow-plaintext, and refuses --auth none beyond loopback always, so momento-local's open access
# (CredentialProvider.forMomentoLocal()) needs the server on the host's loopback (Linux):
#   docker run --rm --network host momento-server --auth none          # 127.0.0.1:8080, no authentication
# Other keys: docker run --rm -v "$PWD/.momento:/data" --user "$(id -u):$(id -g)" momento-server \
#   key --secret-file /data/api-key.secret --endpoint 127.0.0.1:<published port> [--cache C --role readonly …]
# Any flag (TLS: --tls-cert/--tls-key; limits): docker run --rm momento-server --help. Data is in memory only;
# `docker stop` (SIGTERM) stops it gracefully within 5 s.
#
# Multi-arch: docker buildx build --platform linux/amd64,linux/arm64 -t momento-server .
# The build stage runs on the build machine's own architecture and cross-compiles with scripts/server-dist (static
# musl, the same build as the npm packages; no emulation); the image is FROM scratch: the binary and an empty /data
# owned by the image's non-root user.

ARG RUST_VERSION=1.95

FROM --platform=$BUILDPLATFORM rust:${RUST_VERSION}-slim-bookworm AS build
ARG TARGETPLATFORM
WORKDIR /src
# The context is an allowlist (.dockerignore): the workspace's Cargo files, src/, proto/, server/ and the script.
COPY . .
RUN --mount=type=cache,target=/usr/local/cargo/registry \
    --mount=type=cache,target=/src/target,id=momento-server-target \
    bash scripts/server-dist --profile release --out /dist "$TARGETPLATFORM" \
    && mv /dist/*/momento-server /momento-server \
    && mkdir /data

FROM scratch
LABEL org.opencontainers.image.title="momento-server" \
      org.opencontainers.image.description="Momento-compatible local cache server for development, tests and CI" \
      org.opencontainers.image.licenses="Apache-2.0"
COPY --from=build /momento-server /momento-server
COPY --from=build --chown=65532:65532 /data /data
USER 65532:65532
EXPOSE 8080
ENTRYPOINT ["/momento-server"]
CMD ["--host", "0.0.0.0", "--port", "8080", "--allow-plaintext", "--key-file", "/data/api-key"]
