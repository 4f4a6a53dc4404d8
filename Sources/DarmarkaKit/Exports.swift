@_exported import DarmarkaCore
