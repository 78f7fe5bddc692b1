import Foundation

/// Checks a JSON document against a schema of the reference v0.0.43 spec (printed by the real
/// slurmrestd 26.05.5): types, required keys, and that every key we emit is declared.
struct SpecValidator {
    let schemas: [String: Any]

    static func v0043() throws -> SpecValidator {
        guard let url = Bundle.module.url(forResource: "slurmrestd-26.05.5-v0.0.43.openapi", withExtension: "json",
                                          subdirectory: "Resources") else { throw LabError("spec resource missing") }
        let spec = try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        let components = spec["components"] as! [String: Any]
        return SpecValidator(schemas: components["schemas"] as! [String: Any])
    }

    func validate(_ value: Any?, schema name: String) -> [String] {
        guard let schema = schemas[name] else { return ["unknown schema \(name)"] }
        return validate(value, schema, path: "#")
    }

    private func validate(_ value: Any?, _ schemaAny: Any, path: String) -> [String] {
        var schema = schemaAny as! [String: Any]
        if let ref = schema["$ref"] as? String {
            let name = String(ref.split(separator: "/").last!)
            schema = schemas[name] as! [String: Any]
        }
        let type = schema["type"] as? String
        switch type {
        case "object":
            guard let object = value as? [String: Any] else { return ["\(path): expected object"] }
            var problems: [String] = []
            let properties = schema["properties"] as? [String: Any] ?? [:]
            // A required "a/b" names member b of the inline object a (the original's parser paths).
            for key in (schema["required"] as? [String] ?? []) where member(object, key) == nil {
                problems.append("\(path): required key \(key) missing")
            }
            for (key, v) in object {
                guard let sub = properties[key] else { problems.append("\(path)/\(key): not in the spec"); continue }
                problems += validate(v, sub, path: "\(path)/\(key)")
            }
            return problems
        case "array":
            guard let array = value as? [Any] else { return ["\(path): expected array"] }
            return array.enumerated().flatMap { i, v in validate(v, schema["items"]!, path: "\(path)/\(i)") }
        case "string":
            return value is String ? [] : ["\(path): expected string"]
        case "boolean":
            return isBool(value) ? [] : ["\(path): expected boolean"]
        case "integer":
            return !isBool(value) && (value is Int || value is Int64 || (value as? NSNumber) != nil && !(value is Double && (value as! Double).rounded() != (value as! Double)))
                ? [] : ["\(path): expected integer"]
        case "number":
            return !isBool(value) && value is NSNumber ? [] : ["\(path): expected number"]
        default:
            return []
        }
    }

    private func isBool(_ v: Any?) -> Bool { isJSONBoolean(v) }

    private func member(_ object: [String: Any], _ path: String) -> Any? {
        var current: Any? = object
        for part in path.split(separator: "/") { current = (current as? [String: Any])?[String(part)] }
        return current
    }
}
