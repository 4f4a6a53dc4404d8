extension LabelTemplate {
    /// A page holding one label of this template with `border` millimetres
    /// of paper around it, for a preview image of a single label.
    ///
    /// The page is marked as a roll at `dpi` so that no page margin applies:
    /// the preview shows a label as it prints away from the sheet's edge,
    /// which on most sheets is every label. Modules snap to the same dots.
    public func singleLabelPreview(border: Double = 2, dpi: Int? = nil) -> LabelTemplate {
        let border = max(0, border)
        return LabelTemplate(name: name, description: description, paper: "Other",
                             pageWidth: labelWidth + 2 * border, pageHeight: labelHeight + 2 * border,
                             labelWidth: labelWidth, labelHeight: labelHeight, shape: shape,
                             markupMargin: markupMargin,
                             layouts: [Layout(nx: 1, ny: 1, x0: border, y0: border, dx: labelWidth, dy: labelHeight)],
                             equivalents: equivalents, kind: .roll(dpi: dpi ?? defaultDPI))
    }
}
