// Package charts draws Rewire's charts with gonum.org/v1/plot into images:
// the urge wave ([Wave], live on the urge-surfing screen, styled by [Style])
// and the trends the Insights screen shows in the window and the report puts
// in its PDF. It knows nothing of Fyne or of records: callers pass the data,
// the colours ([Palette], [Style]) and the translated words ([Text]), so the
// same chart can be drawn for the light or the dark theme and for a PDF page. Text is set in the Liberation
// fonts gonum bundles, which cover Swedish and Ukrainian.
//
// Every chart is a pure function of its data, size and style, so the same
// input gives the same pixels (the golden tests rely on it).
package charts
