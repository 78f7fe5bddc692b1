/// The OpenAPI type of one property, as the v0.0.43 spec spells it.
public indirect enum SchemaType: Sendable {
    case string
    case boolean
    case int32
    case int64
    case stringArray
    /// A named component (`#/components/schemas/NAME`).
    case reference(String)
    case array(of: SchemaType)
}
