# Builds the single newsmon binary; docker-compose.yml runs it once per stage.
FROM golang:1.26 AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o /out/newsmon ./cmd/newsmon

FROM gcr.io/distroless/static-debian12:nonroot
COPY --from=build /out/newsmon /usr/local/bin/newsmon
COPY pipelines /etc/newsmon/pipelines
USER nonroot
ENTRYPOINT ["/usr/local/bin/newsmon"]
