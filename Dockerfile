# syntax=docker/dockerfile:1
# ai-agent: build with Maven (dependencies cached in their own layer), run on a slim Java 17 JRE.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
# Dependencies first: this layer is rebuilt only when pom.xml changes.
COPY pom.xml .
# netty's native-transport poms name a classifier through os-maven-plugin's properties, which
# go-offline alone leaves unset (it then fails on io.netty:...:${os.detected.name}-...).
RUN mvn -B -ntp -q dependency:go-offline -Dos.detected.name=linux -Dos.detected.arch=x86_64
COPY conf conf
COPY scripts scripts
COPY src src
# Tests run in CI and in Cloud Build's test step; the formatter already ran where the code was written.
RUN mvn -B -ntp -q -o package -DskipTests -Dspotless.apply.skip=true

FROM eclipse-temurin:17-jre-jammy
# fontconfig and DejaVu for the JDK's font manager (the local ad card brings its own Hangul font,
# NanumSquare, inside the jar); curl for the health check; psql to run migrations and checks by hand.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fontconfig fonts-dejavu-core curl postgresql-client \
 && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --home-dir /app --shell /usr/sbin/nologin app
WORKDIR /app
COPY --from=build /src/target/ai-agent.jar /app/ai-agent.jar
COPY --from=build /src/scripts /app/scripts
RUN mkdir -p /app/generated_media && chown -R app:app /app
USER app

ENV PORT=8000 \
    MEDIA_DIR=/app/generated_media \
    JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true"
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=3s --start-period=40s --retries=3 \
  CMD curl -fsS "http://127.0.0.1:${PORT}/health" >/dev/null || exit 1
# exec form: java is PID 1 and receives SIGTERM itself, so in-flight requests drain (< 8 s).
ENTRYPOINT ["java", "-jar", "/app/ai-agent.jar"]
