// Icon upload: the chosen image is read into the form's hidden "icon" field as a data: URI.
document.querySelectorAll('input[type=file][data-target]').forEach(function (input) {
  input.addEventListener('change', function () {
    var file = input.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      document.getElementById(input.dataset.target).value = reader.result;
      var preview = document.getElementById(input.dataset.target + '-preview');
      if (preview) { preview.src = reader.result; preview.hidden = false; }
    };
    reader.readAsDataURL(file);
  });
});
