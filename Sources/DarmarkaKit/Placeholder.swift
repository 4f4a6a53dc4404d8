public enum DarmarkaKitPlaceholder {}
