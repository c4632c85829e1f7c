# syntax=docker/dockerfile:1
# The moderation service: `docker compose up` (docker-compose.yml) runs it as the api and worker services.
# Stage `build` installs the pinned requirements into a virtualenv (binary wheels only) and checks that the
# pinned model artifact loads; the final stage copies the virtualenv, the service and the artifact onto a
# clean slim base: no compiler, no pip cache, no tests, running as an unprivileged user.
# A patched 3.11 release (3.11.7 carried known CVEs), pinned; bump it with the security releases.
ARG PYTHON_IMAGE=python:3.11.14-slim-bookworm

FROM ${PYTHON_IMAGE} AS build
# numba's compiled kernels (moderation/kernels/) are cached here, for a generic x86-64 so the cache built on
# this machine holds on whichever host runs the image: the service loads them instead of compiling at start.
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1 PYTHONDONTWRITEBYTECODE=1 \
    NUMBA_CACHE_DIR=/app/numba-cache NUMBA_CPU_NAME=generic
RUN python -m venv /opt/venv
COPY requirements-build.txt requirements.txt /tmp/
RUN /opt/venv/bin/pip install --only-binary=:all: -r /tmp/requirements-build.txt \
 && /opt/venv/bin/pip install --only-binary=:all: -r /tmp/requirements.txt
WORKDIR /app
COPY gunicorn.conf.py ./
COPY moderation/ moderation/
COPY model/artifacts/ model/artifacts/
# Fail the build, not the deployment, when the pinned artifact is missing, tampered with or incompatible;
# loading it compiles the kernels into NUMBA_CACHE_DIR.
RUN /opt/venv/bin/python -c "from moderation.scoring.scorer import load_scorer, read_active; \
v, sha = read_active('model/artifacts'); print('model', load_scorer('model/artifacts/' + v, sha).version)" \
 && /opt/venv/bin/python -m compileall -q /app/moderation /app/gunicorn.conf.py

FROM ${PYTHON_IMAGE}
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    MODERATION_BIND=0.0.0.0:8000 \
    MODERATION_INSTANCE_DIR=/app/var \
    PROMETHEUS_MULTIPROC_DIR=/tmp/metrics \
    NUMBA_CACHE_DIR=/app/numba-cache \
    NUMBA_CPU_NAME=generic
RUN groupadd --system --gid 10001 moderation \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin moderation
COPY --from=build /opt/venv /opt/venv
COPY --from=build /app /app
RUN mkdir -p /app/var && chown 10001:10001 /app/var && chown -R 10001:10001 /app/numba-cache
WORKDIR /app
USER 10001:10001
EXPOSE 8000
STOPSIGNAL SIGTERM
CMD ["gunicorn", "--config", "gunicorn.conf.py", "--preload", "moderation:create_app()"]
