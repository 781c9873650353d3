/**
 * The explorer's UI strings (page, panels, controls, charts, hover card), English and Korean.
 * Merged into `STRINGS` by strings.ts. `{name}` is a placeholder filled by `translate`; a
 * component that wraps a value in markup (e.g. `<strong>`) splits the untranslated template
 * at its placeholder instead. Math symbols (θ, m, λ, ψ, W, ‖x‖) and loss names stay as they
 * are in both languages. Text built outside the components (status line, notices, chart
 * curve names, stats readouts from src/lib/viz) is not here: it is English for now.
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

	// The feature circle (FeatureCircle).
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

/** The same keys in Korean: a missing or misspelt key is a type error. */
export const EXPLORER_KO: Record<keyof typeof EXPLORER_EN, string> = {
	'explorer.title': 'SphereLab',
	'explorer.pageTitle': 'SphereLab — 각도 마진을 실시간으로',
	'explorer.intro':
		'브라우저에서 작은 신경망을 학습시키면서, 각도 마진 m을 조절할 때 softmax, modified softmax, A-Softmax(SphereFace)가 원과 구 위의 특징을 어떻게 만들어 가는지 살펴보세요.',
	'explorer.speed': '속도',
	'explorer.speedFastest': '최대 속도',
	'explorer.speedSteps': '초당 {n}단계',
	'explorer.speedSlowMotion': '초당 {n}단계 (슬로 모션)',
	'explorer.view': '보기',
	'explorer.presentation': '발표 모드',
	'explorer.keys': '단축키:',
	'explorer.keyPlayPause': '재생/일시 정지',
	'explorer.keyMargin': 'm 바꾸기',
	'explorer.keyReset': '초기화',
	'explorer.compareCosFace': 'CosFace 곡선',
	'explorer.noPsi':
		'ψ(θ)는 클래스 가중치가 있는 손실의 목표 로짓입니다. 이 손실은 특징 사이의 거리로 배우므로 로짓이 없습니다.',
	'explorer.compareArcFace': 'ArcFace 곡선',

	'shell.notTraining': '아직 학습을 시작하지 않았습니다.',
	'shell.controls': '설정',
	'shell.controlsEmpty': '데이터, 모델, 손실 함수, 학습 설정.',
	'shell.featureCircle': '특징 원',
	'shell.featureSphere': '특징 구',
	'shell.featuresEmpty': '원 위에 학습된 특징, 클래스 가중치 벡터와 결정 경계.',
	'shell.training': '학습',
	'shell.trainingEmpty': '단계별 손실, 정확도와 λ.',
	'shell.stats': '각도 통계',
	'shell.statsEmpty': '같은 클래스 특징 사이와 다른 클래스 특징 사이의 각도.',
	'shell.input': '입력 공간',
	'shell.inputEmpty': '토이 데이터와 모델의 결정 영역.',
	'shell.psi': 'ψ(θ)',
	'shell.psiEmpty': '현재 마진에서의 목표 곡선 ψ(θ).',

	'controls.training': '학습',
	'controls.play': '재생',
	'controls.pause': '일시 정지',
	'controls.step': '한 단계',
	'controls.reset': '초기화',
	'controls.backend': '웹 워커에서 tfjs {backend} 백엔드로 학습합니다.',

	'controls.loss': '손실 함수',
	'controls.lossModified': '수정 Softmax',
	'controls.margin': '마진 m',
	'controls.continuousMargin': '연속적인 m (최대 6)',
	'controls.lambdaAnnealing': 'λ 어닐링',
	'controls.lambdaOfficial': 'SphereFace (공식 구현): 1000/(1+0.12·it)',
	'controls.lambdaPytorch': 'sphereface_pytorch 구현: 1500/(1+0.1·it)',
	'controls.lambdaWarmup': '워밍업 후 마진만 사용 (하한 도달 뒤 λ = 0)',
	'controls.lambdaFixed': '고정 λ',
	'controls.lambdaOff': '끄기 (마진만 사용)',
	'controls.lambdaFloor': 'λ 하한',
	'controls.lambdaFloorAt': '하한에 도달하는 단계 (0: 논문대로 1659)',
	'controls.scale': '스케일 s',
	'controls.mining': '트리플렛 마이닝',
	'controls.miningAll': '배치의 모든 트리플렛',
	'controls.miningHard': '앵커마다 가장 어려운 것',
	'controls.unitFeatures': '단위 길이 특징에서 (구 위에서)',
	'controls.pkClasses': '배치당 클래스 수 (P)',
	'controls.pkPerClass': '클래스당 점 수 (K)',
	'controls.centerLambda': '센터 가중치 λ_c',
	'controls.centerAlpha': '센터 갱신 비율 α',

	'controls.data': '데이터',
	'controls.generator': '데이터 생성기',
	'controls.generatorBlobs': '가우시안 군집',
	'controls.generatorSpirals': '나선',
	'controls.generatorRings': '동심원 / 동심 구면',
	'controls.generatorSphere': '구 위의 군집',
	'controls.generatorIdentities': '신원 (오픈셋)',
	'controls.generatorDigits': '손글씨 숫자 (MNIST)',
	'controls.classes': '클래스 수',
	'controls.pointsPerClass': '클래스당 점 개수',
	'controls.noise': '노이즈',
	'controls.inputDim': '입력 차원',
	'controls.inputDimOption': '{dim}D 입력',
	'controls.seed': '시드',
	'controls.newData': '새 데이터',
	'controls.model': '모델',
	'controls.featureDim': '특징 차원',
	'controls.features2d': '2D 특징 (원)',
	'controls.features3d': '3D (구)',
	'controls.hiddenLayers': '은닉층 수',
	'controls.units': '유닛 수',
	'controls.featureRelu': '특징 층에 ReLU',
	'controls.learningRate': '학습률',
	'controls.batch': '배치 크기',

	'controls.yourData': '내 데이터',
	'controls.upload': 'CSV/TSV 올리기…',
	'controls.uploadHelp':
		'열은 x, y, label 또는 x, y, z, label이며 머리글은 없어도 됩니다. 클래스 {classes}개, {rows}행, {limit}까지 올릴 수 있습니다. 파일을 여기나 입력 공간에 끌어다 놓아도 됩니다.',
	'controls.dropHere': '파일을 놓으면 그 데이터로 학습합니다',
	'controls.reading': '파일을 읽는 중…',
	'controls.usingUpload':
		'올린 데이터(점 {n}개, “{name}”)를 사용하고 있습니다. 데이터 초기화를 누르면 생성기 데이터로 돌아갑니다.',
	'controls.usingDrawing':
		'직접 그린 데이터(점 {n}개)를 사용하고 있습니다. 데이터 초기화를 누르면 생성기 데이터로 돌아갑니다.',
	'controls.resetData': '데이터 초기화',
	'controls.generatorOff':
		'내 데이터를 쓰는 동안에는 생성기가 꺼집니다. 시드는 여전히 초기 가중치를 정합니다.',
	'controls.uploadFailed': '“{name}” 파일을 쓸 수 없습니다: {error} 데이터는 바뀌지 않았습니다.',
	'controls.fileTooLarge': '이 파일은 {size}이고, 한도는 {limit}입니다.',
	'controls.fileNotes': '파일에 관한 참고 사항:',
	'controls.export': '내려받기',
	'controls.exportData': '데이터 (CSV)',
	'controls.exportFeatures': '특징 (CSV)',
	'controls.exportSettings': '설정 (JSON)',

	'notices.title': '일부 설정을 조정했습니다:',
	'notices.dismiss': '알림 닫기',
	'share.copy': '공유 링크 복사',
	'share.copied': '링크를 복사했습니다.',
	'share.copyByHand': '이 링크를 복사하세요:',
	'share.link': '공유 링크',
	'share.noData': '링크에는 내 데이터를 담을 수 없고, 설정만 재현됩니다.',
	'share.downloadData': '데이터 내려받기 (CSV)',
	'share.class': '수업에 공유',
	'share.classTitle': '스캔해서 이 화면 열기',
	'share.qrLabel': '{link}의 QR 코드',
	'share.close': '닫기',

	'circle.only3d':
		'지금은 3D 특징이라 구 보기에 표시됩니다. 원으로 보려면 특징 차원을 2로 설정하세요.',
	'circle.rawLabel': '평면 위의 원래 특징과 화살표로 나타낸 클래스 가중치 벡터',
	'circle.rawCaption': '원래 특징과 클래스 가중치 벡터',
	'circle.rawCaptionBias': '원래 특징과 클래스 가중치 벡터 (편향이 있어 경계가 직선입니다)',
	'circle.unitLabel': '단위 원에 투영한 특징과 클래스별 부채꼴, 마진 쐐기',
	'circle.waiting': '학습기를 기다리는 중…',
	'circle.softmax': '단위 원: softmax는 ‖x‖와 b로도 결정하기 때문에 여기에는 부채꼴이 없습니다.',
	'circle.rawCaptionMeans':
		'원래 특징과 클래스 평균 μ (클래스 가중치가 없어 가장 가까운 평균이 클래스를 정합니다)',
	'circle.means':
		'단위 원: 화살표는 클래스 평균을 가리킵니다. 각도가 아니라 평면에서 가장 가까운 평균이 정하므로 부채꼴이 없습니다.',
	'circle.meansAngle':
		'단위 원: 이 손실은 단위 길이 특징으로 학습하므로 가장 가까운 평균 방향이 정하고, 경계는 평균 방향 사이의 이등분선입니다.',
	'circle.wedges': '단위 원: 회색 쐐기는 어느 클래스에도 속하지 않는 영역(각도 마진)입니다.',
	'circle.bisectors': '단위 원: 결정 경계는 가중치 벡터 사이의 이등분선입니다.',
	'circle.lambdaWedges':
		'단위 원: 진한 회색 쐐기는 지금 λ = {lambda}에서 실제로 강제되는 마진이고, 테두리만 있는 옅은 쐐기는 m = {m}만으로(λ = 0) 강제될 마진입니다.',
	'circle.lambdaMargin': 'm = {m}: 명목상 {nominal} · λ = {lambda}에서 {effective}',
	'circle.lambdaPair': 'W{a}와 W{b} 사이, 두 가중치는 {delta} 떨어져 있음',
	'circle.petal': '꽃잎 폭 {value}',
	'circle.petalNote': '테스트 점의 90%가 자기 W로부터 이 각도 안에 있습니다',
	'circle.petalNoteMeans': '테스트 점의 90%가 자기 클래스 평균 방향으로부터 이 각도 안에 있습니다',
	'circle.exportPng': 'PNG로 내보내기',
	'circle.exportSvg': 'SVG로 내보내기',
	'circle.exportFailed': '내보내기 실패: {error}',

	'point.class': '클래스 {n}',
	'point.digit': '숫자 {n}의 이미지',
	'point.predicted': '예측 {n}',
	'point.logit': '로짓',
	'point.distance': '거리',

	'sphere.label': '클래스 영역과 마진 띠가 그려진 단위 구 위의 특징. 드래그하면 회전합니다',
	'sphere.noWebgl':
		'이 브라우저는 WebGL을 표시할 수 없어 구를 볼 수 없습니다. 페이지의 나머지 기능은 그대로 동작하며, 특징 차원을 2로 설정하면 원 보기를 쓸 수 있습니다.',
	'sphere.contextLost':
		'그래픽 컨텍스트가 끊어졌습니다(GPU가 재설정되었거나 사용 중입니다). 브라우저가 컨텍스트를 복구하면 구가 다시 나타납니다.',
	'sphere.resetView': '시점 초기화',
	'sphere.autoRotate': '자동 회전',
	'sphere.rawNorms': '원래 노름 ‖x‖',
	'sphere.rawCaption':
		'구 주위에 각자의 반지름(화면에 맞게 축소)으로 그린 원래 특징: A-Softmax는 ‖x‖를 제약하지 않습니다.',
	'sphere.lambdaBands':
		'진한 회색 띠: 지금 λ = {lambda}에서 강제되는 마진, 그 옆의 옅은 띠: m = {m}만으로(λ = 0) 강제될 마진.',
	'sphere.unitCaption':
		'단위 구에 투영한 특징. 회색 띠는 어느 클래스에도 속하지 않는 영역, 곧 각도 마진입니다.',

	'input.label': '입력 공간의 학습 데이터와 모델의 결정 영역',
	'input.train': '학습',
	'input.test': '테스트',
	'input.heldOut': '학습 제외 클래스',
	'input.misclassified': '고리 표시: 잘못 분류됨',
	'input.count': '점 {n}개 · 클래스 {classes}개',
	'input.projection3d': '3D 입력: x–y 평면에 투영, 결정 영역 없음',
	'input.highDim': '이 입력은 {dim}차원입니다. 이 보기는 2D와 3D 입력만 그립니다.',
	'input.dropHere': 'CSV/TSV 파일을 놓으면 그 데이터로 학습합니다',
	'input.digitsIntro':
		'클래스 가중치 W에서 가장 멀리 떨어진 테스트 숫자들 (각도 θ가 큰 순서). 테두리: 잘못 분류된 숫자와 모델이 본 숫자.',
	'input.digitsIntroMeans':
		'클래스 평균 μ에서 각도로 가장 멀리 떨어진 테스트 숫자들 (각도 θ가 큰 순서). 테두리: 잘못 분류된 숫자와 모델이 본 숫자.',
	'input.digitsWaiting': '첫 스냅샷과 함께 숫자가 나타납니다.',
	'input.digit': '숫자 {digit}, 클래스 가중치에서 {angle}°',
	'input.digitWrong': '숫자 {digit}, 클래스 가중치에서 {angle}°, {predicted}(으)로 분류됨',
	'shell.digits': '숫자',
	'input.draw': '점 그리기',
	'input.drawTools': '그리기 도구',
	'input.drawClass': '새 점의 클래스',
	'input.classN': '클래스 {n}',
	'input.newClass': '새 클래스 {n}',
	'input.undo': '실행 취소',
	'input.redo': '다시 실행',
	'input.clear': '점 모두 지우기',
	'input.drawHint':
		'클릭하거나 탭하면 점을 더하고, 끌면 여러 점을 칠하고, 오른쪽 클릭하거나 길게 누르면 지웁니다. Ctrl+Z로 실행 취소합니다. 새 점은 학습 데이터에 들어갑니다. 고칠 때마다 새 가중치로 내 점에 대해 학습을 다시 시작합니다.',
	'input.drawKeyboard':
		'그리기에는 마우스, 펜이나 터치가 필요합니다. 키보드로는 내 데이터에서 CSV 파일을 올리세요.',
	'input.drawNeeds2d': '그리기는 2D 입력에서만 됩니다.',
	'input.needTrainPoint':
		'학습 데이터에 점이 하나도 없어 학습을 멈췄습니다. 점을 더하면 다시 학습합니다.',

	'stats.empty': '학습을 시작하면 통계가 나타납니다.',
	'stats.sampled': ' (표본 쌍)',
	'stats.angleAxis': '두 특징 사이의 각도',
	'stats.shareAxis': '쌍의 비율',
	'stats.sameClass': '같은 클래스 쌍',
	'stats.differentClass': '다른 클래스 쌍',
	'stats.eachShare': '각각 자기 쌍 전체에 대한 비율{sampled}',
	'stats.maxIntra': '최대 클래스 내부 각도',
	'stats.minInter': '최소 클래스 간 각도',
	'stats.minMeans': '클래스 평균 사이의 최소 각도',
	'stats.medianIntra': '클래스 내부 각도의 중앙값',
	'stats.p90Intra': '클래스 내부 각도의 90번째 백분위수',
	'stats.criterion': '최대 클래스 내부 각도 < 최소 클래스 간 각도:',
	'stats.needs': 'SphereFace 조건: {bound};',
	'stats.boundNote':
		'이 하한은 클래스가 원 위에 고르게 퍼진 2D 특징을 가정해 유도한 것이라, 차원이 더 높거나 클래스가 고르지 않으면 참고용일 뿐입니다. {step}단계{sampled}.',
	'stats.normAxis': '특징 노름 ‖x‖ (구간별 점 개수)',
	'stats.normFree': 'A-Softmax는 ‖x‖를 제약하지 않습니다. 마진은 각도에만 걸립니다.',
	'stats.normOverflow': '점 {n}개가 ‖x‖ = {max} 바깥에 있습니다.',

	'psi.xAxis': 'θ: 특징과 그 클래스 가중치 벡터 사이의 각도',
	'psi.rug': '각 학습 점의 θ',

	'charts.empty': '재생을 누르면 학습을 시작합니다.',
	'charts.loss': '손실',
	'charts.logScale': ' (로그 스케일)',
	'charts.accuracy': '정확도 (%)',
	'charts.train': '학습',
	'charts.test': '테스트',
	'charts.step': '단계',
	'charts.none': '없음',
	'charts.steps': '{from}~{to}단계',
	'charts.lossLabel': '{steps}의 손실{scale}, 최근 값 {loss}{lambda}',
	'charts.accuracyLabel':
		'{steps}의 학습 및 테스트 정확도, 최근 학습 정확도 {train}, 테스트 정확도 {test}',
	'charts.activity': '아직 가르치는 비율 (배치의 %)',
	'charts.activeAll': '모든 트리플렛',
	'charts.activeHard': '앵커별 가장 어려운 트리플렛',
	'charts.activePairs': '마진 안의 다른 클래스 쌍',
	'charts.activityLabel': '{steps}에서 손실이 0이 아닌 배치의 비율, 최근 {first} {a}, {second} {b}',
	'charts.petal': '꽃잎 폭 (°)',
	'charts.petalClipped': '↑ 처음에는 최대 {value}',
	'charts.petalLabel':
		'{steps}의 꽃잎 폭: 테스트 특징과 자기 클래스 방향 사이 각도의 90번째 백분위수, 최근 값 {value}'
};
