import XCTest
@testable import SlurmRoutes

/// The texts a job description carries that Slurm's client tools parse before sending: task
/// distributions, node counts, CPU frequencies, signals (values from src/common/proc_args.c and
/// cpu_frequency.c).
final class JobRequestTextTests: XCTestCase {
    func distribution(_ text: String) -> UInt32? { try? TaskDistribution.parse(text).value }

    func testDistributions() {
        XCTAssertEqual(distribution("cyclic"), 0x1)
        XCTAssertEqual(distribution("Block"), 0x2)
        XCTAssertEqual(distribution("hostfile"), 0x3)
        XCTAssertEqual(distribution("block:fcyclic"), 0x32)
        XCTAssertEqual(distribution("cyclic:block:fcyclic"), 0x321)
        XCTAssertEqual(distribution("*"), 0x2, "node default: block")
        XCTAssertEqual(distribution("*:*:*"), 0x112, "socket default cyclic, core default the socket's")
        XCTAssertEqual(distribution("cyclic:block:*"), 0x221)
        XCTAssertEqual(distribution("block::cyclic"), 0x12, "empty levels are skipped, as strtok does")
        XCTAssertEqual(distribution("pack"), 0x80_2000, "a flag alone: the default layout")
        XCTAssertEqual(distribution("cyclic,nopack"), 0x40_0001)
        XCTAssertEqual(try? TaskDistribution.parse("plane=8"), TaskDistribution(value: 4, planeSize: 8))
        for bad in ["", ",pack", "fcyclic", "fcyclic:block", "block:cyclic:cyclic:cyclic", "block,packed", "plane",
                    "plane=0", "plane=x", "plane=2147483648", "arbitrary:block"] {
            XCTAssertNil(distribution(bad), bad)
        }
    }

    func testDistributionEnvironmentText() {
        XCTAssertEqual(TaskDistribution.environmentText(0x12), "block:cyclic")
        XCTAssertEqual(TaskDistribution.environmentText(0x332), "block:fcyclic:fcyclic")
        XCTAssertEqual(TaskDistribution.environmentText(0x80_2000), "pack")
        XCTAssertEqual(TaskDistribution.environmentText(0x40_0003), "arbitrary,nopack")
        XCTAssertEqual(TaskDistribution.environmentText(0x0101), "unknown", "a layout the original has no words for")
        XCTAssertNil(TaskDistribution.environmentText(0x2000))
        XCTAssertNil(TaskDistribution.environmentText(0xffff_fffe))
    }

    func count(_ text: String) -> NodeCount? { try? NodeCount.parse(text) }

    func testNodeCounts() {
        XCTAssertEqual(count("4"), NodeCount(minimum: 4, maximum: 4, sizes: nil))
        XCTAssertEqual(count(" 2k "), NodeCount(minimum: 2048, maximum: 2048, sizes: nil))
        XCTAssertEqual(count("2-4"), NodeCount(minimum: 2, maximum: 4, sizes: nil))
        XCTAssertEqual(count("-4"), NodeCount(minimum: 1, maximum: 4, sizes: nil), "no minimum: 1")
        XCTAssertEqual(count("3-0"), NodeCount(minimum: 3, maximum: 0, sizes: nil), "a zero maximum is no maximum")
        XCTAssertEqual(count("1,4,8"), NodeCount(minimum: 1, maximum: 8, sizes: "1,4,8"))
        XCTAssertEqual(count("2-4,6-7"), NodeCount(minimum: 2, maximum: 7, sizes: "2-4,6-7"))
        XCTAssertEqual(count("0-8:4"), NodeCount(minimum: 0, maximum: 4, sizes: "0,4"), "the last value of a step is left out, as there")
        for bad in ["", "x", "4x", "2-", "4-2", "-", "1,16384", "5-1:2", "1-5:0", "1-5:x", ",3"] {
            XCTAssertNil(count(bad), bad)
        }
    }

    func frequency(_ text: String) -> CPUFrequency? { try? CPUFrequency.parse(text) }

    func testCPUFrequencies() {
        XCTAssertEqual(frequency("2400000"), CPUFrequency(minimum: 0xffff_fffe, maximum: 2_400_000, governor: CPUFrequency.userSpace),
                       "one frequency: the UserSpace governor")
        XCTAssertEqual(frequency("Performance"), CPUFrequency(minimum: 0xffff_fffe, maximum: 0xffff_fffe,
                                                             governor: CPUFrequency.performance))
        XCTAssertEqual(frequency("1000-2000:ondemand"), CPUFrequency(minimum: 1000, maximum: 2000, governor: CPUFrequency.onDemand))
        XCTAssertEqual(frequency("medium:userspace"), CPUFrequency(minimum: 0xffff_fffe, maximum: CPUFrequency.medium,
                                                                  governor: CPUFrequency.userSpace))
        for bad in ["", "fast", "0", "1000-2000", "2000-1000:performance", "1000-2000:userspace", "2000:performance",
                    "conservative", "1000-2000:conservative", "performance:ondemand"] {
            XCTAssertNil(frequency(bad), bad)
        }
    }

    func testSignals() {
        XCTAssertEqual(JobDescriptionSchema.signalNumber("USR1"), 10)
        XCTAssertEqual(JobDescriptionSchema.signalNumber(" sigterm "), 15)
        XCTAssertEqual(JobDescriptionSchema.signalNumber("12"), 12)
        XCTAssertEqual(JobDescriptionSchema.signalNumber("99"), 99, "any number, as the original")
        XCTAssertEqual(JobDescriptionSchema.signalNumber("0"), 0, "no signal")
        for bad in ["", "-1", "USR3", "12x", "70000", "65534"] {
            XCTAssertNil(JobDescriptionSchema.signalNumber(bad), bad)
        }
    }
}
