import XCTest
import SlurmParsing
@testable import SlurmRoutes

/// The document derived from the route table and the rendering schemas must describe the same API
/// as the reference spec printed by the real slurmrestd 26.05.5: same paths, operations and schemas
/// (types, formats, references, property order, required and deprecated marks). Descriptions are
/// prose and are not compared.
final class OpenAPIDocumentTests: XCTestCase {
    func reference() throws -> JSONValue {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("LabTests/Resources/slurmrestd-26.05.5-v0.0.43.openapi.json").path
        let data = try XCTUnwrap(FileManager.default.contents(atPath: path))
        return try JSONReader.parse([UInt8](data))
    }

    func ours() throws -> JSONValue {
        var w = JSONWriter(pretty: false)
        OpenAPIDocument.write(into: &w)
        return try JSONReader.parse(w.takeBytes())
    }

    /// Drops descriptions, keeps everything else in order.
    func structure(_ v: JSONValue) -> JSONValue {
        switch v {
        case .object(let members): .object(members.filter { $0.0 != "description" }.map { ($0.0, structure($0.1)) })
        case .array(let items): .array(items.map(structure))
        default: v
        }
    }

    func members(_ v: JSONValue?) -> [(String, JSONValue)] {
        if case .object(let m)? = v { return m }
        return []
    }

    func testSchemasMatchTheReference() throws {
        let ref = try reference(), doc = try ours()
        let refSchemas = ref["components"]?["schemas"]
        let ourSchemas = members(doc["components"]?["schemas"])
        XCTAssertGreaterThanOrEqual(ourSchemas.count, 26)
        for (name, schema) in ourSchemas {
            guard let expected = refSchemas?[name] else { XCTFail("\(name) is not in the reference"); continue }
            XCTAssertEqual(structure(schema), structure(expected), name)
        }
    }

    func testPathsMatchTheReference() throws {
        let ref = try reference(), doc = try ours()
        let paths = members(doc["paths"])
        XCTAssertEqual(Array(paths.map(\.0).prefix(3)), ["/slurm/v0.0.43/ping/", "/slurm/v0.0.43/diag/", "/slurm/v0.0.43/licenses/"])
        // Each path we serve is described as the reference describes it, for the methods we serve.
        for (path, item) in paths {
            guard let refItem = ref["paths"]?[path] else { XCTFail("\(path) is not in the reference"); continue }
            for (method, operation) in members(item) {
                XCTAssertEqual(structure(operation), structure(refItem[method] ?? .null), "\(method) \(path)")
            }
        }
        XCTAssertEqual(doc["openapi"], .string("3.0.3"))
        XCTAssertEqual(structure(doc["components"]?["securitySchemes"] ?? .null), structure(ref["components"]?["securitySchemes"] ?? .null))
        XCTAssertEqual(doc["security"], ref["security"])
    }
}
