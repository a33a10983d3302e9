(function (root) {
  var data = JSON.parse(root.querySelector('script.nnlib-frames').textContent);
  var inputs = root.querySelectorAll('input[type=range]');
  var img = root.querySelector('img.nnlib-frame');
  function show() {
    var index = 0;
    inputs.forEach(function (input) {
      var labels = JSON.parse(input.dataset.labels);
      var label = labels[Number(input.value)];
      index = index * labels.length + Number(input.value);
      input.parentElement.querySelector('output').textContent = label;
      input.setAttribute('aria-valuetext', label);
    });
    img.src = 'data:image/png;base64,' + data.frames[index];
    img.alt = data.alts[index];
  }
  inputs.forEach(function (input) { input.addEventListener('input', show); });
})(document.currentScript.parentElement);
