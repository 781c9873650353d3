/**
 * The explorer's UI strings (page, panels, controls, charts, hover card), English and Korean.
 * Merged into `STRINGS` by strings.ts. `{name}` is a placeholder filled by `translate`; a
 * component that wraps a value in markup (e.g. `<strong>`) splits the untranslated template
 * at its placeholder instead. Math symbols (θ, m, λ, ψ, W, ‖x‖) and loss names stay as they
 * are in both languages. Text built outside the components (status line, notices, chart
 * curve names, stats readouts from src/lib/viz) is not here. The Korean strings are in
 * explorerStringsKo.ts.
 */
export const EXPLORER_EN = {
	// The page (src/routes/+page.svelte).
	'explorer.title': 'SphereLab',
	'explorer.pageTitle': 'SphereLab — angular margins, live',
	'explorer.intro':
		'Train a small network in your browser and watch softmax, modified softmax and A-Softmax (SphereFace) shape its features on the circle and the sphere, as you drag the angular margin m.',
	'explorer.speed': 'Speed',
	'explorer.speedFastest': 'Fastest',
	'explorer.speedSteps': '{n} steps/s',
	'explorer.speedSlowMotion': '{n} steps/s (slow motion)',
	'explorer.view': 'View',
	'explorer.presentation': 'Presentation mode',
	'explorer.keys': 'Keys:',
	'explorer.keyPlayPause': 'play/pause',
	'explorer.keyMargin': 'change m',
	'explorer.keyReset': 'reset',
	'explorer.keyPresent': 'presentation mode',
	'explorer.leavePresentation': 'Leave presentation mode (F)',
	'explorer.compareCosFace': 'CosFace curve',
	'explorer.noPsi':
		'ψ(θ) is the target logit of a loss with class weights; this loss learns from distances between features and has none.',
	'explorer.compareArcFace': 'ArcFace curve',

	// The panels (ExplorerShell).
	'shell.notTraining': 'Not training yet.',
	'shell.controls': 'Controls',
	'shell.controlsEmpty': 'Data, model, loss and training controls.',
	'shell.featureCircle': 'Feature circle',
	'shell.featureSphere': 'Feature sphere',
	'shell.featuresEmpty': 'Learned features, class weights and boundaries on the circle.',
	'shell.training': 'Training',
	'shell.trainingEmpty': 'Loss, accuracy and λ over the steps.',
	'shell.stats': 'Angle statistics',
	'shell.statsEmpty': 'Angles between same-class and different-class features.',
	'shell.input': 'Input space',
	'shell.inputEmpty': 'The toy data and the decision regions of the model.',
	'shell.psi': 'ψ(θ)',
	'shell.psiEmpty': 'The target curve ψ(θ) for the current margin.',
	'shell.more': 'More settings',

	// Training (TrainControls).
	'controls.training': 'Training',
	'controls.play': 'Play',
	'controls.pause': 'Pause',
	'controls.step': 'Step',
	'controls.reset': 'Reset',
	'controls.backend': 'Training in a worker on tfjs {backend}.',

	// Loss (LossControls).
	'controls.loss': 'Loss',
	'controls.lossModified': 'Modified softmax',
	'controls.margin': 'Margin m',
	'controls.continuousMargin': 'Continuous m (up to 6)',
	'controls.lambdaAnnealing': 'λ annealing',
	'controls.lambdaOfficial': 'SphereFace (official): 1000/(1+0.12·it)',
	'controls.lambdaPytorch': 'sphereface_pytorch: 1500/(1+0.1·it)',
	'controls.lambdaWarmup': 'Warm-up, then pure margin (λ = 0 after the floor)',
	'controls.lambdaFixed': 'Fixed λ',
	'controls.lambdaOff': 'Off (pure margin)',
	'controls.lambdaFloor': 'λ floor',
	'controls.lambdaFloorAt': 'Floor reached at step (0: 1659, as published)',
	'controls.scale': 'Scale s',
	'controls.mining': 'Triplet mining',
	'controls.miningAll': 'All triplets of the batch',
	'controls.miningHard': 'Hardest per anchor',
	'controls.unitFeatures': 'On unit-length features (the sphere)',
	'controls.pkClasses': 'Classes per batch (P)',
	'controls.pkPerClass': 'Points per class (K)',
	'controls.centerLambda': 'Center weight λ_c',
	'controls.centerAlpha': 'Centre update rate α',

	// Data and model (DataControls).
	'controls.data': 'Data',
	'controls.generator': 'Generator',
	'controls.generatorBlobs': 'Gaussian blobs',
	'controls.generatorSpirals': 'Spirals',
	'controls.generatorRings': 'Rings / shells',
	'controls.generatorSphere': 'Clusters on the sphere',
	'controls.generatorIdentities': 'Identities (open set)',
	'controls.generatorDigits': 'Handwritten digits (MNIST)',
	'controls.classes': 'Classes',
	'controls.pointsPerClass': 'Points per class',
	'controls.noise': 'Noise',
	'controls.inputDim': 'Input dimension',
	'controls.inputDimOption': '{dim}D input',
	'controls.seed': 'Seed',
	'controls.newData': 'New data',
	'controls.model': 'Model',
	'controls.featureDim': 'Feature dimension',
	'controls.features2d': '2D features (circle)',
	'controls.features3d': '3D (sphere)',
	'controls.hiddenLayers': 'Hidden layers',
	'controls.units': 'Units',
	'controls.featureRelu': 'ReLU on the feature layer',
	'controls.keepWeights': 'Keep the weights when the loss changes (fine-tune)',
	'controls.learningRate': 'Learning rate',
	'controls.batch': 'Batch',

	// Your own data: upload, status, export (DataFile, DataExport, DataControls).
	'controls.yourData': 'Your data',
	'controls.upload': 'Upload CSV/TSV…',
	'controls.uploadHelp':
		'Columns x, y, label or x, y, z, label; header optional; up to {classes} classes, {rows} rows and {limit}. You can also drop a file here or on the input space.',
	'controls.dropHere': 'Drop the file to train on it',
	'controls.reading': 'Reading the file…',
	'controls.usingUpload':
		'Using your uploaded data ({n} points, from “{name}”); Reset data to go back to the generator.',
	'controls.usingDrawing':
		'Using your drawn data ({n} points); Reset data to go back to the generator.',
	'controls.resetData': 'Reset data',
	'controls.generatorOff':
		'The generator is off while your data is in use; the seed still sets the starting weights.',
	'controls.euclideanData':
		'Contrastive, triplet and center loss train on {classes} interleaved spirals here: on 4 separated blobs they would have nothing to learn (the untrained features already sort them). Choose other data below.',
	'controls.uploadFailed': 'Could not use “{name}”: {error} Your data did not change.',
	'controls.fileTooLarge': 'This file is {size}; the limit is {limit}.',
	'controls.fileNotes': 'Notes on the file:',
	'controls.export': 'Download',
	'controls.exportData': 'Data (CSV)',
	'controls.exportFeatures': 'Features (CSV)',
	'controls.exportSettings': 'Settings (JSON)',

	// Notices and sharing.
	'notices.title': 'Some settings were adjusted:',
	'notices.dismiss': 'Dismiss notices',
	'share.copy': 'Copy share link',
	'share.copied': 'Link copied.',
	'share.copyByHand': 'Copy this link:',
	'share.link': 'Share link',
	'share.noData': 'A link cannot carry your own data: it reproduces the settings only.',
	'share.downloadData': 'Download data (CSV)',
	'share.class': 'Share with the class',
	'share.classTitle': 'Scan to open this view',
	'share.qrLabel': 'QR code of {link}',
	'share.close': 'Close',
	'share.localWarning':
		'This link points at this computer (localhost): students’ phones cannot open it. Share the page from its public address instead.',
	'share.privateWarning':
		'This link is a private network address: only devices on the same network can open it, and many phones are not.',

	// The feature circle (FeatureCircle).
	'circle.anchor': 'anchor',
	'circle.positive': 'positive',
	'circle.negative': 'negative',
	'circle.pairRingContrastive': 'ring: m = {m} around the anchor',
	'circle.pairRingTriplet': 'ring: √(d(a,p)² + m) around the anchor, m = {m}',
	'circle.spreadRing': 'rings: 90 % of each class around μ',
	'circle.only3d':
		'These are 3D features: the sphere view shows them. Set the feature dimension to 2 for the circle.',
	'circle.rawLabel': 'Raw features in the plane with the class weights as arrows',
	'circle.rawCaption': 'Raw features and class weights',
	'circle.rawCaptionBias': 'Raw features and class weights (with bias: the boundaries are lines)',
	'circle.unitLabel': 'Features projected on the unit circle with class sectors and margin wedges',
	'circle.waiting': 'Waiting for the trainer…',
	'circle.softmax':
		'On the unit circle: softmax decides with ‖x‖ and b too, so it has no sectors here.',
	'circle.rawCaptionMeans':
		'Raw features and class means μ (no class weights: the nearest mean decides)',
	'circle.means':
		'On the unit circle: the arrows point at the class means; the nearest mean in the plane decides, not the angle, so there are no sectors.',
	'circle.meansAngle':
		'On the unit circle: the loss trains unit features, so the nearest mean direction decides and the boundaries are the bisectors between the means.',
	'circle.wedges': 'On the unit circle: grey wedges belong to no class (the angular margin).',
	'circle.bisectors': 'On the unit circle: the boundaries are the bisectors between the weights.',
	'circle.lambdaWedges':
		'On the unit circle: dark grey wedges are the margin that λ = {lambda} enforces now; the pale outlined ones are what m = {m} alone would enforce (λ = 0).',
	'circle.lambdaMargin': 'm = {m}: {nominal} nominal · {effective} at λ = {lambda}',
	'circle.lambdaPair': 'between W{a} and W{b}, {delta} apart',
	'circle.petal': 'Petal width {value}',
	'circle.petalNote': '90% of the test points lie within this angle of their own W',
	'circle.petalNoteMeans':
		'90% of the test points lie within this angle of their class mean direction',
	'circle.exportPng': 'Export PNG',
	'circle.exportSvg': 'Export SVG',
	'circle.exportFailed': 'Export failed: {error}',

	// The hover card of a point (PointDetails).
	'point.class': 'class {n}',
	'point.digit': 'the digit {n} itself',
	'point.predicted': 'predicted {n}',
	'point.logit': 'logit',
	'point.distance': 'distance',

	// The feature sphere (FeatureSphere).
	'sphere.label': 'Features on the unit sphere with class regions and margin bands; drag to rotate',
	'sphere.noWebgl':
		'This browser cannot show WebGL, so the sphere is not available here. Everything else on the page still works; set the feature dimension to 2 for the circle view.',
	'sphere.contextLost':
		'The graphics context was lost (the GPU was reset or is busy). The sphere comes back when the browser restores it.',
	'sphere.resetView': 'Reset view',
	'sphere.autoRotate': 'Auto-rotate',
	'sphere.rawNorms': 'Raw norms ‖x‖',
	'sphere.rawCaption':
		'Raw features at their own radius (scaled to fit) around the sphere: A-Softmax leaves ‖x‖ free.',
	'sphere.unitCaption':
		'Features projected on the unit sphere. Grey bands belong to no class: the angular margin.',
	'sphere.lambdaBands':
		'Dark grey bands: the margin λ = {lambda} enforces now; pale bands beside them: what m = {m} alone would enforce (λ = 0).',

	// Input space (InputSpace).
	'input.label': "Training data and the model's decision regions in input space",
	'input.train': 'train',
	'input.test': 'test',
	'input.heldOut': 'held out',
	'input.misclassified': 'ring: misclassified',
	'input.count': '{n} points · {classes} classes',
	'input.projection3d': '3D inputs: x–y projection, no regions',
	'input.highDim': 'These inputs have {dim} dimensions: this view draws 2D and 3D inputs only.',
	'input.dropHere': 'Drop a CSV/TSV file to train on it',
	'input.digitsIntro':
		'Test digits furthest from their class weight W (largest angle θ first); outlined: misclassified, with the digit the model sees.',
	'input.digitsIntroMeans':
		'Test digits furthest in angle from their class mean μ (largest angle θ first); outlined: misclassified, with the digit the model sees.',
	'input.digitsWaiting': 'The digits appear with the first snapshot.',
	'input.digit': 'Digit {digit}, {angle}° from its class weight',
	'input.digitWrong': 'Digit {digit}, {angle}° from its class weight, taken for a {predicted}',
	'shell.digits': 'Digits',
	'input.draw': 'Draw points',
	'input.drawTools': 'Drawing tools',
	'input.drawClass': 'Class of new points',
	'input.classN': 'Class {n}',
	'input.newClass': 'New class {n}',
	'input.undo': 'Undo',
	'input.redo': 'Redo',
	'input.clear': 'Clear points',
	'input.drawHint':
		'Click or tap to add a point, drag to paint, right-click or long-press to remove; Ctrl+Z undoes. New points join the training split. After each edit training starts again from fresh weights, on your points.',
	'input.drawKeyboard':
		'Drawing needs a mouse, pen or touch; by keyboard, upload a CSV file under Your data instead.',
	'input.drawNeeds2d': 'Drawing works on 2D inputs only.',
	'input.needTrainPoint':
		'No point is in the training split, so training is paused: add a point to train again.',

	// Angle statistics (AngleStatsPanel).
	'stats.empty': 'Statistics appear once training starts.',
	'stats.sampled': ' (sampled pairs)',
	'stats.angleAxis': 'angle between two features',
	'stats.shareAxis': 'share of pairs',
	'stats.sameClass': 'same-class pairs',
	'stats.differentClass': 'different-class pairs',
	'stats.eachShare': 'each as a share of its own pairs{sampled}',
	'stats.maxIntra': 'max intra-class angle',
	'stats.minInter': 'min inter-class angle',
	'stats.minMeans': 'min angle between class means',
	'stats.medianIntra': 'median intra-class angle',
	'stats.p90Intra': '90th percentile intra-class angle',
	'stats.criterion': 'max intra < min inter:',
	'stats.needs': 'SphereFace: needs {bound};',
	'stats.boundNote':
		'The bound is derived for 2D features with classes spread evenly around the circle; with more dimensions or uneven classes it is only a guide. Step {step}{sampled}.',
	'stats.normAxis': 'feature norm ‖x‖ (points per bin)',
	'stats.normFree': 'A-Softmax leaves ‖x‖ free: only the angle carries the margin.',
	'stats.normOverflow': '{n} points lie beyond ‖x‖ = {max}.',

	// The ψ(θ) chart (PsiChart).
	'psi.xAxis': 'θ: angle between a feature and its class weight',
	'psi.rug': 'θ of each training point',
	'psi.clipped': '↓ ψ(θ) continues down to {value} at θ = 180°',

	// Loss and accuracy over the steps (TrainingCharts).
	'charts.empty': 'Press Play to train.',
	'charts.loss': 'Loss',
	'charts.logScale': ' (log scale)',
	'charts.accuracy': 'Accuracy (%)',
	'charts.train': 'train',
	'charts.test': 'test',
	'charts.step': 'step',
	'charts.none': 'none',
	'charts.steps': 'steps {from} to {to}',
	'charts.lossLabel': 'Loss over {steps}{scale}; latest {loss}{lambda}',
	'charts.accuracyLabel': 'Train and test accuracy over {steps}; latest train {train}, test {test}',
	'charts.activity': 'Still teaching (% of the batch)',
	'charts.activeAll': 'all triplets',
	'charts.activeHard': 'hardest per anchor',
	'charts.activePairs': 'negative pairs inside the margin',
	'charts.activityLabel':
		'Share of the batch with a non-zero loss over {steps}; latest {first} {a}, {second} {b}',
	'charts.petal': 'Petal width (°)',
	'charts.petalClipped': '↑ earlier up to {value}',
	'charts.petalLabel':
		'Petal width over {steps}: the 90th percentile angle between a test feature and its own class direction; latest {value}'
} as const;
