import XCTest
@testable import SlurmParsing

final class SlurmConfTests: XCTestCase {
    func parse(_ text: String, files: [String: String] = [:], globs: [String: [String]] = [:]) throws -> SlurmConf {
        try SlurmConf.parse(text: text, path: "/etc/slurm/slurm.conf", readFile: { files[$0] },
                            expandGlob: { globs[$0] ?? [] })
    }

    func testLabShape() throws {
        let conf = try parse("""
        # Lab cluster
        ClusterName=Lab26
        SlurmctldHost=vm(127.0.0.1)
        SlurmctldHost=backup1
        SlurmctldPort=7817
        AuthType=auth/munge
        AuthAltTypes=auth/jwt
        AuthAltParameters=jwt_key=/var/lib/lab/jwt.key,disable_token_creation
        AuthInfo=socket=/run/munge/other.socket,ttl=60
        SlurmUser=slurm
        MessageTimeout=20
        NodeName=vm NodeAddr=127.0.0.1 CPUs=2
        PartitionName=debug Nodes=vm Default=YES
        """)
        XCTAssertEqual(conf.clusterName, "lab26", "Slurm lower-cases cluster names")
        XCTAssertEqual(conf.controllers, [.init(name: "vm", address: "127.0.0.1"), .init(name: "backup1", address: nil)])
        XCTAssertEqual(conf.slurmctldPorts, [7817])
        XCTAssertEqual(conf.authAltTypes, ["auth/jwt"])
        XCTAssertEqual(conf.authAltParameters, ["jwt_key": "/var/lib/lab/jwt.key", "disable_token_creation": ""])
        XCTAssertEqual(conf.authInfo, ["socket": "/run/munge/other.socket", "ttl": "60"])
        XCTAssertEqual(conf.slurmUser, "slurm")
        XCTAssertEqual(conf.messageTimeout, 20)
        XCTAssertFalse(conf.settings.contains(where: { $0.key == "nodename" }), "record lines are not settings")
    }

    func testAccountingStorageNamingNoneIsNoAccounting() throws {
        XCTAssertNil(try parse("SlurmctldHost=h\nAccountingStorageType=accounting_storage/none\n").accountingStorageType)
        XCTAssertNil(try parse("SlurmctldHost=h\nAccountingStorageType=NONE\n").accountingStorageType)
        XCTAssertEqual(try parse("SlurmctldHost=h\nAccountingStorageType=accounting_storage/slurmdbd\n").accountingStorageType,
                       "accounting_storage/slurmdbd")
    }

    func testDefaultsPortRangeCaseAndComments() throws {
        let conf = try parse("slurmctldhost=a # primary\nSLURMCTLDPORT=6817-6820\nComment=has\\#hash\n")
        XCTAssertEqual(conf.slurmctldPorts, [6817, 6818, 6819, 6820])
        XCTAssertEqual(conf.authType, "auth/munge")
        XCTAssertEqual(conf.slurmUser, "root")
        XCTAssertEqual(conf.messageTimeout, 10)
        XCTAssertEqual(conf.settings.last?.value, "has#hash")
        XCTAssertEqual(try parse("SlurmctldHost=a").slurmctldPorts, [6817])
    }

    func testLegacyControllerKeys() throws {
        let conf = try parse("ControlMachine=m1\nControlAddr=10.0.0.1\nBackupController=m2\n")
        XCTAssertEqual(conf.controllers, [.init(name: "m1", address: "10.0.0.1"), .init(name: "m2", address: nil)])
    }

    func testContinuationAndQuotes() throws {
        let conf = try parse("SlurmctldHost=a\nAuthAltParameters=jwt_key=/k,\\\ndisable_token_creation\nX=\"quoted value\"\n")
        XCTAssertEqual(conf.authAltParameters, ["jwt_key": "/k", "disable_token_creation": ""])
        XCTAssertEqual(conf.settings.last?.value, "quoted value")
    }

    func testIncludeRelativeAbsoluteAndGlob() throws {
        let conf = try parse("Include ctld.conf\ninclude /etc/other/*.conf\n",
                             files: ["/etc/slurm/ctld.conf": "SlurmctldHost=vm(127.0.0.1)\n",
                                     "/etc/other/a.conf": "ClusterName=x\n"],
                             globs: ["/etc/other/*.conf": ["/etc/other/a.conf"]])
        XCTAssertEqual(conf.controllers.first?.name, "vm")
        XCTAssertEqual(conf.clusterName, "x")
    }

    func testErrors() {
        XCTAssertThrowsError(try parse("ClusterName=x\n")) { XCTAssertTrue("\($0)".contains("SlurmctldHost")) }
        XCTAssertThrowsError(try parse("SlurmctldHost=a\nSlurmctldPort=0\n")) { XCTAssertTrue("\($0)".contains(":2:")) }
        XCTAssertThrowsError(try parse("SlurmctldHost=a\nInclude missing.conf\n"))
        XCTAssertThrowsError(try parse("Include self.conf\n", files: ["/etc/slurm/self.conf": "Include self.conf\n"])) {
            XCTAssertTrue("\($0)".contains("loop"))
        }
    }

    /// The lexer on its own: comments, escapes, continuations, CRLF, quotes, Include, non-ASCII.
    func testLexing() {
        let lines = SlurmConf.logicalLines("A=1 # note\r\nB=x\\#y\\z\nC=1 \\\n D=2\n   \n# only a comment\nE=\"é f\"")
        XCTAssertEqual(lines.map(\.0), [1, 2, 3, 7])
        XCTAssertEqual(lines.map(\.1), ["A=1 ", "B=x#y\\z", "C=1  D=2", "E=\"é f\""])
        func pairs(_ s: String) -> [String] { SlurmConf.pairs(s).map { "\($0.key)|\($0.value)" } }
        XCTAssertEqual(pairs("  A=1\tB=\"two words\" C= D"), ["A|1", "B|two words", "C|", "D|"])
        XCTAssertEqual(pairs("E=\"é f\""), ["E|é f"])
        XCTAssertEqual(pairs(" INCLUDE\t/etc/slurm/x.conf  "), ["Include|/etc/slurm/x.conf"])
        XCTAssertEqual(pairs("Includes=1"), ["Includes|1"])
        XCTAssertEqual(pairs("B=\"open"), ["B|open"])
    }
}
