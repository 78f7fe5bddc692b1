import XCTest
@testable import SlurmController

/// KangarooTwelve (KT128) known answers: RFC 9861's test vectors, and pycryptodome's outputs for
/// lengths around the 168-byte rate and the 8192-byte chunk boundary (generated once, embedded).
final class KangarooTwelveTests: XCTestCase {
    /// ptn(n) of RFC 9861: the bytes 00 01 ... FA repeated.
    func ptn(_ n: Int) -> [UInt8] { (0..<n).map { UInt8($0 % 251) } }

    func hex(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        var i = s.startIndex
        while i < s.endIndex {
            let j = s.index(i, offsetBy: 2)
            out.append(UInt8(s[i..<j], radix: 16)!)
            i = j
        }
        return out
    }

    func testRFC9861Vectors() {
        XCTAssertEqual(KangarooTwelve.hash([], outputLength: 32),
                       hex("1ac2d450fc3b4205d19da7bfca1b37513c0803577ac7167f06fe2ce1f0ef39e5"))
        XCTAssertEqual(KangarooTwelve.hash([], outputLength: 64),
                       hex("1ac2d450fc3b4205d19da7bfca1b37513c0803577ac7167f06fe2ce1f0ef39e54269c056b8c82e48276038b6d292966cc07a3d4645272e31ff38508139eb0a71"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(1)), hex("2bda92450e8b147f8a7cb629e784a058efca7cf7d8218e02d345dfaa65244a1f"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(17)), hex("6bf75fa2239198db4772e36478f8e19b0f371205f6a9a93a273f51df37122888"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(17 * 17)), hex("0c315ebcdedbf61426de7dcf8fb725d1e74675d7f5327a5067f367b108ecb67c"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(17 * 17 * 17)), hex("cb552e2ec77d9910701d578b457ddf772c12e322e4ee7fe417f92c758f0d59d0"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(17 * 17 * 17 * 17)), hex("8701045e22205345ff4dda05555cbb5c3af1a771c2b89baef37db43d9998b9fe"))
        XCTAssertEqual(KangarooTwelve.hash([], customization: ptn(1)), hex("fab658db63e94a246188bf7af69a133045f46ee984c56e3c3328caaf1aa1a583"))
        XCTAssertEqual(KangarooTwelve.hash([0xff], customization: ptn(41)), hex("d848c5068ced736f4462159b9867fd4c20b808acc3d5bc48e0b06ba0a3762ec4"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(8191)), hex("1b577636f723643e990cc7d6a659837436fd6a103626600eb8301cd1dbe553d6"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(8192)), hex("48f256f6772f9edfb6a8b661ec92dc93b95ebd05a08a17b39ae3490870c926c3"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(8192), customization: ptn(8189)), hex("3ed12f70fb05ddb58689510ab3e4d23c6c6033849aa01e1d8c220a297fedcd0b"))
        XCTAssertEqual(KangarooTwelve.hash(ptn(8192), customization: ptn(8190)), hex("6a7c1b6a5cd0d8c9ca943a4a216cc64604559a2ea45f78570a15253d67ba00ae"))
    }

    /// Outputs longer than one 168-byte block squeeze several blocks.
    func testLongOutputLastBytes() {
        let out = KangarooTwelve.hash([], outputLength: 10032)
        XCTAssertEqual(Array(out.suffix(32)), hex("e8dc563642f7228c84684c898405d3a834799158c079b12880277a1d28e2ff6d"))
    }

    static let pycryptodome: [(Int, String, String)] = [
        (0, "", "1ac2d450fc3b4205d19da7bfca1b37513c0803577ac7167f06fe2ce1f0ef39e5"),
        (0, "03f0", "5d5247bbb9ae435b2674a601f4a615de08d36c074c352457612d21db790784f9"),
        (0, "00010203040506", "3d9ead1615480b3a08d8a3e48244e6388a23d4ef22344b348407548f781b0972"),
        (1, "", "2bda92450e8b147f8a7cb629e784a058efca7cf7d8218e02d345dfaa65244a1f"),
        (1, "03f0", "d72595ba94303c89567b93a1d3160a6a201f534f1605025074d89ae8dfa870dd"),
        (1, "00010203040506", "b6f35dc791dc284eb12fde9c277c77e7e0d567b0ef2e9267f3c573de4f4bdcef"),
        (100, "", "c5d9dd4c6302b4b42de0a89d4844c012b476b0b79e37eb62dabcabac346f3d50"),
        (100, "03f0", "f2ffd0ac9ba125f2f75846ed8f695d511b1b4f74dfb97e19b9efc5544c068235"),
        (100, "00010203040506", "dadaa2992b2d65f8cb501dfc6b9cfeb503031363d7751e0f4f3ee94ad118e5f4"),
        (167, "", "77df46fd2d22bce26e636e02ce10f9a42ae925e071f9056a9236328db01ba411"),
        (167, "03f0", "88f07801ee5c73f4353eb400860c6977b3cbd376180d15e7cf05881efbcc1dea"),
        (167, "00010203040506", "8fba4292095007d349edec415d1f14a6509d62247aee794bb3fc1158e1d833df"),
        (168, "", "160f86280614cb99a647108165547bde9073992bab7d2e6667d27202f5b31b3a"),
        (168, "03f0", "da1df663aab1e749f5e4d0834e9fdd29b339a1a5573ca25cd45fc205b1f19b89"),
        (168, "00010203040506", "9d22ee29b6e0dbf4bcebf3c1677451971edb9c64fe02edd30e0433bcfb674584"),
        (169, "", "c3fd1de0148e91b62ec282518ca3f3b1230000a2f12b13d2481a775c1ea662a0"),
        (169, "03f0", "aa0bf919155402d6e4f7ca223b76962c954b9c14593c3aec2aac63c9c4f19dd1"),
        (169, "00010203040506", "20a7ebc7362176f93426e147f3c92f9f6445228b9e0282cc391625205d344442"),
        (1000, "", "1dd2b16dfc918d9d1071bc1227e7decbe72f5d5e1a6724de8a1d234e975288c6"),
        (1000, "03f0", "a50ebf3d169174612ff11d63870d0610d8ba3a699d7d10f7e4ba05b252321098"),
        (1000, "00010203040506", "cec53798dc964e581bde79855ba61feaa650db43011f68edb23def8636a4bf2e"),
        (8191, "", "1b577636f723643e990cc7d6a659837436fd6a103626600eb8301cd1dbe553d6"),
        (8191, "03f0", "7444243d154c97b3ebdc1613de483e94c9c96caf8d9285ef120fa071ff27d4c7"),
        (8191, "00010203040506", "cd8baf0b2ddc3589006a6dbfe1bf286c88c7e90163a590528bd5154a89246b68"),
        (8192, "", "48f256f6772f9edfb6a8b661ec92dc93b95ebd05a08a17b39ae3490870c926c3"),
        (8192, "03f0", "335db23f8625b52197918c482d4845d8087e607637baea79eeec08b54c032182"),
        (8192, "00010203040506", "248101a4dec830ffcab633a37d16f0633bbff2813a0476828981e06c8f816ded"),
        (8193, "", "bb66fe72eaea5179418d5295ee1344854d8ad7f3fa17efcb467ec152341284cf"),
        (8193, "03f0", "8eb759ec3011290910bd2dcf69e84077a7500a5be49d33a33e1175e9c8bd3ae2"),
        (8193, "00010203040506", "cbbf597e392251dacd3941d091351b43a61aee82588ff52ab7718022d170c4e5"),
        (16384, "", "82778f7f7234c83352e76837b721fbdbb5270b88010d84fa5ab0b61ec8ce0956"),
        (16384, "03f0", "09717d613ddb9bfce37fcc54f32b051e5e50ca4da1596761f5418fb21a9f7201"),
        (16384, "00010203040506", "90bdd4a0ef76d74d8ebd1e32db1d68252e564a43de2c2b0b5644eeda6bb17f08"),
        (16385, "", "5f8d2b943922b451842b4e82740d02369e2d5f9f33c5123509a53b955fe177b2"),
        (16385, "03f0", "0adefcee2ef66c762cbcc435f6077b2b3ff911541062c838fdba082da5459a3a"),
        (16385, "00010203040506", "a91c4722c60380ce1bf7c61c9a7f9babcca07570485740ed8749b24d7d7ef291"),
        (24577, "", "38cb940999aca742d69dd79298c6051c4e316bf2a7b866aca960a1fc85fad3f8"),
        (24577, "03f0", "506d4b2d07435c4dc3d5798fae4e5c1861dbb49617156f6dd9b1e6603a27895a"),
        (24577, "00010203040506", "a2e9cfeb890bb30e9be3110a3ef3c6a2238a6ef930b8130434fa6ba7a5c53f57"),
        (70000, "", "3b9ac02b7a3ec4cb3ef8f0199999e4ea0a50671fbc337437ca19b40495d0cc04"),
        (70000, "03f0", "214a6159693c3c40d429cfd8dc367cdf2bee95f4a482caf6edd02e2377cce1a3"),
        (70000, "00010203040506", "3efe6fd0f7de1fd8606a411d1aefb29834856cdb5ead7c826a8cef8904045349"),
    ]

    func testAgainstPycryptodome() {
        for (n, custom, digest) in Self.pycryptodome {
            XCTAssertEqual(KangarooTwelve.hash(ptn(n), customization: hex(custom)), hex(digest), "length \(n) custom \(custom)")
        }
    }

    /// The payload slurmctld checks in a munge credential: 0x02, then K12 of the body customized
    /// with the message type (REQUEST_PING 1008 = 0x03f0 here, empty body).
    func testSlurmMessageHash() {
        XCTAssertEqual(SlurmMessageHash.k12(body: [], messageType: 1008),
                       [0x02] + hex("5d5247bbb9ae435b2674a601f4a615de08d36c074c352457612d21db790784f9"))
    }
}
