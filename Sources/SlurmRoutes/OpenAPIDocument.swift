import SlurmParsing

/// The OpenAPI 3.0.3 document of what this gateway serves, derived from the route table and the
/// schemas the responses are rendered with, so the two cannot disagree. Printed by
/// `--generate-openapi-spec` and served at the original's `/openapi*` paths.
public enum OpenAPIDocument {
    /// Where the original serves its document (hidden from the document itself).
    static let paths = ["/openapi/v3", "/openapi.json", "/openapi.yaml", "/openapi"]

    static let component = SchemaComponent(name: "openapi_document") { w, _ in
        w.beginObject(); w.key("type"); w.value("object"); w.endObject()
    }

    static func handle(_ context: inout RequestContext) -> EndpointResult {
        EndpointResult(status: 200) { w in write(into: &w) }
    }

    /// One parameter object, in the original's key order.
    static func write(_ p: Parameter, into w: inout JSONWriter) {
        w.beginObject()
        w.key("in"); w.value(p.location.rawValue)
        w.key("name"); w.value(p.name)
        w.key("style"); w.value(p.location == .path ? "simple" : "form")
        w.key("explode"); w.value(false)
        w.key("allowEmptyValue"); w.value(false)
        w.key("allowReserved"); w.value(false)
        w.key("description"); w.value(p.description)
        w.key("required"); w.value(p.location == .path)
        w.key("schema")
        w.beginObject()
        w.key("type"); w.value("string")
        if let words = p.words {
            w.key("enum"); w.beginArray(); for word in words { w.value(word) }; w.endArray()
        }
        w.endObject()
        w.endObject()
    }

    /// `{"content": {"application/json": {"schema": ...}}, "description": ...}`, as responses and
    /// request bodies are written.
    static func writeContent(_ schema: SchemaComponent, _ description: String, into w: inout JSONWriter,
                             components: inout [String: SchemaComponent]) {
        w.beginObject()
        w.key("content"); w.beginObject(); w.key("application/json"); w.beginObject()
        w.key("schema"); SchemaType.component(schema).writeSpec(into: &w, components: &components)
        w.endObject(); w.endObject()
        w.key("description"); w.value(description)
        w.endObject()
    }

    public static func write(into w: inout JSONWriter) {
        let release = Meta.release
        var components: [String: SchemaComponent] = [:]
        w.beginObject()
        w.key("openapi"); w.value("3.0.3")
        w.key("info")
        w.beginObject()
        w.key("title"); w.value("Slurm REST API")
        w.key("description"); w.value("API to access and control Slurm (slurmrestd-swift)")
        w.key("version"); w.value("Slurm-" + release)
        w.key("x-slurm")
        w.beginObject()
        w.key("data_parsers"); w.beginArray()
        w.beginObject(); w.key("plugin"); w.value("v0.0.43"); w.key("flags"); w.beginArray(); w.value("NONE"); w.endArray(); w.endObject()
        w.endArray()
        w.key("openapi"); w.beginArray(); w.value("openapi/slurmctld"); w.endArray()
        w.key("version"); w.beginObject()
        w.key("major"); w.value(Meta.apiRelease.major)
        w.key("micro"); w.value(Meta.apiRelease.micro)
        w.key("minor"); w.value(Meta.apiRelease.minor)
        w.endObject()
        w.key("release"); w.value(release)
        w.endObject()
        w.endObject()
        w.key("servers"); w.beginArray(); w.beginObject(); w.key("url"); w.value("/"); w.endObject(); w.endArray()
        w.key("security")
        w.beginArray()
        for alternative in [["user", "token"], ["token"], ["bearerAuth"], []] {
            w.beginObject()
            for scheme in alternative { w.key(scheme); w.beginArray(); w.endArray() }
            w.endObject()
        }
        w.endArray()
        w.key("tags")
        w.beginArray()
        w.beginObject(); w.key("name"); w.value("slurm"); w.key("description"); w.value("methods that query slurmctld"); w.endObject()
        w.endArray()
        w.key("paths")
        w.beginObject()
        var listed = RouteTable.operations.filter { !$0.hiddenFromSpec }
        while let first = listed.first {
            let samePath = listed.filter { $0.path == first.path }
            listed.removeAll { $0.path == first.path }
            w.key(first.path)
            w.beginObject()
            for op in samePath {
                w.key(op.method.rawValue.lowercased())
                w.beginObject()
                w.key("tags"); w.beginArray(); w.value("slurm"); w.endArray()
                w.key("summary"); w.value(op.summary)
                w.key("operationId"); w.value(op.operationID)
                if !op.parameters.isEmpty {
                    w.key("parameters")
                    w.beginArray()
                    for parameter in op.parameters { write(parameter, into: &w) }
                    w.endArray()
                }
                w.key("responses")
                w.beginObject()
                for status in ["200", "default"] {
                    w.key(status)
                    writeContent(op.response, op.responseDescription, into: &w, components: &components)
                }
                w.endObject()
                if let body = op.requestBody {
                    w.key("requestBody")
                    writeContent(body.schema, body.description, into: &w, components: &components)
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
        w.key("components")
        w.beginObject()
        w.key("schemas")
        w.beginObject()
        // Definitions name further components as they are written: write until none is new.
        var written = Set<String>()
        while let name = components.keys.filter({ !written.contains($0) }).sorted().first {
            written.insert(name)
            w.key(name)
            components[name]!.define(&w, &components)
        }
        w.endObject()
        w.key("securitySchemes")
        w.beginObject()
        for (name, header, text) in [("user", "X-SLURM-USER-NAME", "User name"), ("token", "X-SLURM-USER-TOKEN", "User access token")] {
            w.key(name); w.beginObject()
            w.key("type"); w.value("apiKey"); w.key("description"); w.value(text)
            w.key("name"); w.value(header); w.key("in"); w.value("header")
            w.endObject()
        }
        w.key("bearerAuth"); w.beginObject()
        w.key("type"); w.value("http"); w.key("description"); w.value("Bearer Authentication")
        w.key("scheme"); w.value("bearer"); w.key("bearerFormat"); w.value("JWT")
        w.endObject()
        w.endObject()
        w.endObject()
        w.endObject()
    }
}
