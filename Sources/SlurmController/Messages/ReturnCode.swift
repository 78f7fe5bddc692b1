/// RESPONSE_SLURM_RC: a Slurm error number (a signed int sent as u32).
public struct ReturnCode: WireMessage, Equatable {
    public var rc: UInt32 = 0
    public init() {}
    public var value: Int32 { Int32(bitPattern: rc) }
    public static let fields = FieldTable<ReturnCode>([.u32("return_code", \.rc)])
}

/// RESPONSE_SLURM_RC_MSG: an error number with the controller's text.
public struct ReturnCodeMessage: WireMessage, Equatable {
    public var rc: UInt32 = 0
    public var message: String?
    public init() {}
    public var value: Int32 { Int32(bitPattern: rc) }
    public static let fields = FieldTable<ReturnCodeMessage>([.u32("return_code", \.rc), .string("err_msg", \.message)])
}
