import Testing
@testable import DarmarkaKit
