import DarmarkaKit
@main struct Main { static func main() {} }
